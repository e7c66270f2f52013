import type { DashboardChart, FinanceDashboard } from '#ardoise/contracts';
import { frenchCsv } from '../exports/french-csv.js';

export const AGE_LABELS: Record<string, string> = {
  not_due: 'Non échues',
  d0_30: '0 à 30 jours',
  d31_60: '31 à 60 jours',
  d61_90: '61 à 90 jours',
  over_90: 'Plus de 90 jours',
};
export const CHANNEL_LABELS: Record<string, string> = { payfip: 'Carte (PayFIP)', direct_debit: 'Prélèvement SEPA', desk: 'Guichet (espèces, chèque)' };
export const DASHBOARD_CHARTS: DashboardChart[] = ['billed-collected', 'outstanding-by-age', 'payments-by-channel', 'cantine-a-un-euro', 'occupancy'];

const percent = (rate: number | null) => (rate === null ? '' : `${(rate * 100).toFixed(1).replace('.', ',')} %`);

/** One French CSV per chart of the dashboard: the numbers the chart draws. */
export function dashboardCsv(chart: DashboardChart, d: FinanceDashboard): string {
  switch (chart) {
    case 'billed-collected':
      return frenchCsv<FinanceDashboard['billedCollected'][number]>(
        [
          { header: 'Mois', value: (r) => r.month },
          { header: 'Facturé (€)', value: (r) => ({ cents: r.billedCents }) },
          { header: 'Avoirs (€)', value: (r) => ({ cents: r.creditedCents }) },
          { header: 'Encaissé (€)', value: (r) => ({ cents: r.collectedCents }) },
        ],
        d.billedCollected,
      );
    case 'outstanding-by-age':
      return frenchCsv<FinanceDashboard['outstandingByAge'][number]>(
        [
          { header: 'Ancienneté après échéance', value: (r) => AGE_LABELS[r.bucket] },
          { header: 'Factures', value: (r) => r.invoices },
          { header: 'Reste à payer (€)', value: (r) => ({ cents: r.outstandingCents }) },
        ],
        d.outstandingByAge,
      );
    case 'payments-by-channel':
      return frenchCsv<FinanceDashboard['paymentsByChannel'][number]>(
        [
          { header: 'Canal', value: (r) => CHANNEL_LABELS[r.channel] },
          { header: 'Paiements', value: (r) => r.payments },
          { header: 'Montant (€)', value: (r) => ({ cents: r.amountCents }) },
        ],
        d.paymentsByChannel,
      );
    case 'cantine-a-un-euro':
      return frenchCsv<FinanceDashboard['cantineAUnEuro'][number]>(
        [
          { header: 'Mois', value: (r) => r.month },
          { header: 'Repas à 1 €', value: (r) => r.mealsAtOneEuro },
          { header: 'Autres repas', value: (r) => r.otherMeals },
          { header: 'Familles à 1 €', value: (r) => r.families },
        ],
        d.cantineAUnEuro,
      );
    case 'occupancy':
      return frenchCsv<FinanceDashboard['occupancy'][number]>(
        [
          { header: 'Prestation', value: (r) => r.label },
          { header: 'Capacité par jour', value: (r) => r.capacity },
          { header: 'Jours avec réservations', value: (r) => r.days },
          { header: 'Places réservées', value: (r) => r.booked },
          { header: 'Présences', value: (r) => r.attended },
          { header: 'Taux de remplissage', value: (r) => percent(r.rate) },
        ],
        d.occupancy,
      );
  }
}
