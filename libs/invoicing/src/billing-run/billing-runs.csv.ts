import { frenchCsv } from '../exports/french-csv.js';
import type { BillingRunProgress } from '#ardoise/contracts';

const STATUS: Record<string, string> = { running: 'En cours', completed: 'Terminée', failed: 'Interrompue' };

/** The recent billing runs, as the finance office lists them. */
export const billingRunsCsv = (runs: BillingRunProgress[]) =>
  frenchCsv<BillingRunProgress>(
    [
      { header: 'Mois', value: (r) => r.period },
      { header: 'Lancée le', value: (r) => r.startedAt },
      { header: 'État', value: (r) => STATUS[r.status] ?? r.status },
      { header: 'Familles', value: (r) => r.total },
      { header: 'Factures émises', value: (r) => r.issued },
      { header: 'Ignorées', value: (r) => r.skipped },
      { header: 'En erreur', value: (r) => r.failed },
      { header: 'Montant émis (€)', value: (r) => ({ cents: r.amountCents }) },
    ],
    runs,
  );
