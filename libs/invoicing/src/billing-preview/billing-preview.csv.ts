import type { BillingPreview } from '#ardoise/contracts';
import { frenchCsv } from '../exports/french-csv.js';

const REASONS: Record<string, string> = { already_invoiced: 'Déjà facturée', nothing_to_bill: 'Rien à facturer', error: 'Erreur' };

/** The families a billing run would skip, and why. */
export const billingPreviewCsv = (preview: BillingPreview) =>
  frenchCsv<BillingPreview['skipped'][number]>(
    [
      { header: 'Mois', value: () => preview.period },
      { header: 'Famille', value: (r) => r.familyId },
      { header: 'Motif', value: (r) => REASONS[r.reason] ?? r.reason },
      { header: 'Code', value: (r) => r.code },
      { header: 'Détail', value: (r) => r.message },
    ],
    preview.skipped,
  );
