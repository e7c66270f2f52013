import { Inject, Injectable } from '@nestjs/common';
import PDFDocument from 'pdfkit';
import { AppConfig } from '#ardoise/runtime';
import { formatEuros, formatFrenchDate } from '../domain/money.js';
import { InvoiceQueries } from '../queries/invoice-queries.js';
import { InvoiceNamesReader } from './invoice-names.js';

const KIND_LABELS: Record<string, string> = {
  service: 'Prestation',
  late_booking_surcharge: 'Majoration : réservation hors délai',
  unbooked_presence_surcharge: 'Majoration : présence sans réservation',
  justified_absence_credit: 'Déduction : absence justifiée (certificat médical)',
};
const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
export const periodLabel = (period: string) => `${MONTHS[Number(period.slice(5, 7)) - 1]} ${period.slice(0, 4)}`;

/** The invoice as a PDF (pdfkit): the town, the family, the lines, the totals, how to pay. */
@Injectable()
export class InvoicePdf {
  constructor(
    @Inject(InvoiceQueries) private readonly queries: InvoiceQueries,
    @Inject(InvoiceNamesReader) private readonly names: InvoiceNamesReader,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  async render(invoiceId: string): Promise<Buffer> {
    const invoice = await this.queries.detail(invoiceId);
    const names = await this.names.forFamily(invoice.familyId);
    const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Facture ${invoice.number}`, Author: this.config.TOWN_NAME } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

    doc.font('Helvetica-Bold').fontSize(16).text(this.config.TOWN_NAME);
    doc.font('Helvetica').fontSize(10).text('Régie des services périscolaires (restauration scolaire, accueil périscolaire, centre de loisirs)');
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(14).text(`${invoice.kind === 'correction' ? 'Facture rectificative' : 'Facture'} n° ${invoice.number}`);
    doc.font('Helvetica').fontSize(10);
    doc.text(`Période : ${periodLabel(invoice.period)}`);
    doc.text(`Émise le ${formatFrenchDate(invoice.issuedOn)} — à payer avant le ${formatFrenchDate(invoice.dueDate)}`);
    doc.text(`Famille : ${names.familyName ?? invoice.familyId}`);
    doc.moveDown();

    const columns = [50, 150, 330, 380, 450];
    const row = (cells: string[], bold = false) => {
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9);
      cells.forEach((cell, i) => doc.text(cell, columns[i], y, { width: (columns[i + 1] ?? 545) - columns[i] - 6, align: i >= 2 ? 'right' : 'left' }));
      doc.moveDown(0.4);
    };
    row(['Enfant', 'Prestation', 'Jours', 'Prix unitaire', 'Montant'], true);
    for (const line of invoice.lines) {
      const service = names.services.get(line.serviceCode) ?? line.serviceCode;
      const detail = `${service}\n${KIND_LABELS[line.kind]} — tranche ${line.bracketCode}, tarif v${line.tariffVersion}`;
      row([names.children.get(line.childId) ?? 'Enfant', detail, String(line.days), formatEuros(line.unitPriceCents), formatEuros(line.amountCents)]);
    }
    doc.moveDown();
    const total = (label: string, cents: number, bold = false) => {
      const y = doc.y;
      doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10).text(label, 230, y, { width: 215 });
      doc.text(formatEuros(cents), 450, y, { width: 95, align: 'right' });
    };
    total('Total de la facture', invoice.totalCents, true);
    for (const credit of invoice.creditNotes) total(`${credit.number ? `Avoir n° ${credit.number}` : 'Avoir'} du ${formatFrenchDate(credit.issuedOn)}`, -credit.amountCents);
    if (invoice.paidCents) total('Déjà payé', -invoice.paidCents);
    if (invoice.refundedCents) total('Remboursé', invoice.refundedCents);
    total('Reste à payer', invoice.outstandingCents, true);

    doc.moveDown(2);
    doc.x = 50;
    doc.font('Helvetica-Bold').fontSize(11).text('Comment payer ?', 50);
    doc.font('Helvetica').fontSize(9);
    doc.text('• En ligne, par carte bancaire : depuis « Mes factures » sur le portail famille, ou sur le site PayFIP de la DGFIP.', { width: 495 });
    doc.text(`   Identifiant structure publique : ${this.config.PAYFIP_NUMCLI} — Référence de la dette : ${invoice.payfipReference}`, { width: 495 });
    doc.text('• Par prélèvement automatique : si vous avez signé un mandat, la somme sera prélevée à l’échéance ; vous n’avez rien à faire.', { width: 495 });
    doc.text('• Au guichet de la mairie : en espèces ou par chèque à l’ordre du Trésor public, en rappelant le numéro de facture.', { width: 495 });
    doc.moveDown();
    doc.fontSize(8).fillColor('#555555').text('Après l’échéance, une facture impayée est transmise au comptable public (Trésor public), qui en assure le recouvrement.', { width: 495 });
    doc.end();
    return done;
  }
}
