/** /finances: the finance office's dashboard. */
export const financeDashboardFr = {
  heading: 'Tableau de bord',
  period: 'Période',
  from: 'Du mois',
  to: 'Au mois',
  show: 'Afficher',
  loading: 'Chargement des chiffres…',
  numbers: 'Les chiffres (tableau)',
  csv: 'Télécharger en CSV',
  asOf: (today: string) => `Restes à payer au ${today}.`,
  month: 'Mois',
  charts: {
    billedCollected: {
      title: 'Facturé et encaissé par mois',
      billed: 'Facturé',
      credited: 'Avoirs',
      collected: 'Encaissé',
      alt: (months: number, billed: string, collected: string) =>
        `Histogramme sur ${months} mois : ${billed} facturés (date d’émission) et ${collected} encaissés (date de paiement). Détail dans le tableau ci-dessous.`,
    },
    outstandingByAge: {
      title: 'Restes à payer par ancienneté après l’échéance',
      bucket: 'Ancienneté',
      invoices: 'Factures',
      outstanding: 'Reste à payer',
      buckets: { not_due: 'Non échues', d0_30: '0 à 30 jours', d31_60: '31 à 60 jours', d61_90: '61 à 90 jours', over_90: 'Plus de 90 jours' } as Record<
        string,
        string
      >,
      alt: (total: string, overdue: string) =>
        `Histogramme : ${total} restent à payer, dont ${overdue} après l’échéance. Détail par ancienneté dans le tableau ci-dessous.`,
    },
    paymentsByChannel: {
      title: 'Paiements par canal',
      channel: 'Canal',
      payments: 'Paiements',
      amount: 'Montant',
      channels: { payfip: 'Carte (PayFIP)', direct_debit: 'Prélèvement SEPA', desk: 'Guichet (espèces, chèque)' } as Record<string, string>,
      alt: (parts: string) => `Anneau de répartition des paiements encaissés sur la période : ${parts}.`,
    },
    cantine: {
      title: '« Cantine à 1 € » : repas facturés par mois',
      atOne: 'Repas à 1 €',
      other: 'Autres repas',
      families: 'Familles à 1 €',
      alt: (atOne: number, other: number) =>
        `Histogramme empilé : ${atOne} repas facturés à 1 € et ${other} aux autres tarifs sur la période. Détail par mois dans le tableau ci-dessous.`,
    },
    occupancy: {
      title: 'Remplissage par prestation',
      service: 'Prestation',
      capacity: 'Capacité / jour',
      days: 'Jours avec réservations',
      booked: 'Places réservées',
      attended: 'Présences',
      rate: 'Taux de remplissage',
      noCapacity: 'sans limite',
      alt: (parts: string) => `Barres horizontales du taux de remplissage : ${parts}.`,
    },
  },
};
