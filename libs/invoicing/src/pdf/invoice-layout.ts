import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { TownIdentity, TownLogo } from '#ardoise/runtime';
import type { PrintedRow, PrintedTotal } from './invoice-print.js';

/** Everything printed on one invoice, already in words. */
export interface InvoiceSheet {
  town: TownIdentity;
  logo: TownLogo;
  title: string;
  number: string;
  /** « Cette facture rectificative remplace la facture n° … » and the like. */
  notes: string[];
  familyName: string;
  period: string;
  issuedOn: string;
  dueDate: string;
  rows: PrintedRow[];
  totals: PrintedTotal[];
  /** What remains to pay (« 183,70 € »); null when nothing does. */
  amountDue: string | null;
  payfip: { numcli: string; reference: string };
  portalUrl: string;
}

type Doc = PDFKit.PDFDocument;

const PAGE = { left: 45, right: 550, top: 45, bottom: 780 };
const WIDTH = PAGE.right - PAGE.left;
/** Table columns: x and width; text keeps 6 pt from the next column. */
const COLUMNS = {
  child: { x: 45, w: 82 },
  service: { x: 133, w: 242 },
  days: { x: 381, w: 30 },
  unitPrice: { x: 417, w: 62 },
  amount: { x: 485, w: 65 },
};
const CELL_PADDING = 4;
const GREY = '#444444';

/**
 * The invoice on A4 (pdfkit). Every block is measured (heightOfString) before it is drawn, so a
 * wrapped description pushes the next row down instead of printing over it, and a block that
 * does not fit goes to the next page — the table's header repeated on top. Each page carries
 * the invoice number and « Page n sur N ».
 */
export function renderInvoiceSheet(sheet: InvoiceSheet): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, left: PAGE.left, right: 595 - PAGE.right, bottom: 20 },
    bufferPages: true,
    info: { Title: `${sheet.title} n° ${sheet.number}`, Author: sheet.town.name, Subject: `${sheet.title} ${sheet.period}` },
    lang: 'fr-FR',
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  drawLetterhead(doc, sheet);
  drawTable(doc, sheet);
  drawTotals(doc, sheet);
  drawHowToPay(doc, sheet);
  drawHowToContest(doc, sheet);
  drawPageFrames(doc, sheet);
  doc.end();
  return done;
}

/** Moves to a new page when `height` does not fit below the cursor; returns true when it did. */
function ensureRoom(doc: Doc, height: number): boolean {
  if (doc.y + height <= PAGE.bottom) return false;
  doc.addPage();
  doc.y = PAGE.top + 10; // below the running header, drawn at the end
  return true;
}

function measure(doc: Doc, text: string, width: number, font: string, size: number): number {
  return doc.font(font).fontSize(size).heightOfString(text, { width, lineGap: 1 });
}

function write(doc: Doc, text: string, x: number, y: number, width: number, font: string, size: number, options: PDFKit.Mixins.TextOptions = {}): number {
  doc
    .font(font)
    .fontSize(size)
    .text(text, x, y, { width, lineGap: 1, ...options });
  return measure(doc, text, width, font, size);
}

function drawLetterhead(doc: Doc, sheet: InvoiceSheet): void {
  const { town } = sheet;
  const logo = { x: PAGE.left, y: PAGE.top, w: 50, h: 60 };
  if (sheet.logo.contentType === 'image/png') doc.image(sheet.logo.bytes, logo.x, logo.y, { fit: [logo.w, logo.h] });
  else SVGtoPDF(doc, sheet.logo.bytes.toString('utf8'), logo.x, logo.y, { width: logo.w, height: logo.h, preserveAspectRatio: 'xMidYMid meet' });

  const textX = PAGE.left + logo.w + 12;
  const textW = 250;
  let y = PAGE.top;
  doc.fillColor(town.colors.primary);
  y += write(doc, town.name, textX, y, textW, 'Helvetica-Bold', 14);
  doc.fillColor('#000000');
  y += write(doc, town.regie, textX, y, textW, 'Helvetica', 9);
  y += write(doc, town.address, textX, y, textW, 'Helvetica', 8.5);
  y += write(doc, `Tél. ${town.phone} — ${town.email}`, textX, y, textW, 'Helvetica', 8.5);
  y += write(doc, `SIRET : ${town.siret}`, textX, y, textW, 'Helvetica', 8.5);

  // The invoice's own identity, on the right.
  const boxX = 375;
  const boxW = PAGE.right - boxX;
  let right = PAGE.top;
  doc.fillColor(town.colors.primary);
  right += write(doc, sheet.title, boxX, right, boxW, 'Helvetica-Bold', 15, { align: 'right' });
  doc.fillColor('#000000');
  right += write(doc, `Facture n° ${sheet.number}`, boxX, right, boxW, 'Helvetica-Bold', 10, { align: 'right' });
  right += 4;
  for (const [label, value] of [
    ['Date d’émission', sheet.issuedOn],
    ['Date limite de paiement', sheet.dueDate],
    ['Période', sheet.period],
  ]) {
    right += write(doc, `${label} : ${value}`, boxX, right, boxW, 'Helvetica', 9, { align: 'right' });
  }

  y = Math.max(y, right, logo.y + logo.h) + 12;
  doc.moveTo(PAGE.left, y).lineTo(PAGE.right, y).lineWidth(1.5).strokeColor(town.colors.accent).stroke();
  y += 10;
  y += write(doc, `Famille ${sheet.familyName}`, PAGE.left, y, WIDTH, 'Helvetica-Bold', 11);
  y += write(
    doc,
    `Référence de la dette (PayFIP) : ${sheet.payfip.reference} — identifiant de la collectivité : ${sheet.payfip.numcli}`,
    PAGE.left,
    y,
    WIDTH,
    'Helvetica',
    9,
  );
  for (const note of sheet.notes) y += write(doc, note, PAGE.left, y + 2, WIDTH, 'Helvetica-Oblique', 9) + 2;
  doc.y = y + 12;
}

const HEADER: PrintedRow = { child: 'Enfant', service: 'Prestation et détail', details: [], days: 'Jours', unitPrice: 'Prix unitaire', amount: 'Montant' };

function rowHeight(doc: Doc, row: PrintedRow, header: boolean): number {
  const bold = header ? 'Helvetica-Bold' : 'Helvetica';
  const service =
    measure(doc, row.service, COLUMNS.service.w, 'Helvetica-Bold', 9) + row.details.reduce((h, d) => h + measure(doc, d, COLUMNS.service.w, 'Helvetica', 8), 0);
  const others = (['child', 'days', 'unitPrice', 'amount'] as const).map((key) => measure(doc, row[key], COLUMNS[key].w, bold, 9));
  return Math.max(service, ...others) + 2 * CELL_PADDING;
}

function drawRow(doc: Doc, row: PrintedRow, header: boolean, primary: string): void {
  const top = doc.y;
  const height = rowHeight(doc, row, header);
  if (header) doc.rect(PAGE.left, top, WIDTH, height).fill(primary);
  doc.fillColor(header ? '#ffffff' : '#000000');
  const y = top + CELL_PADDING;
  const font = header ? 'Helvetica-Bold' : 'Helvetica';
  write(doc, row.child, COLUMNS.child.x + 2, y, COLUMNS.child.w - 2, font, 9);
  let serviceY = y + write(doc, row.service, COLUMNS.service.x, y, COLUMNS.service.w, 'Helvetica-Bold', 9);
  doc.fillColor(GREY);
  for (const detail of row.details) serviceY += write(doc, detail, COLUMNS.service.x, serviceY, COLUMNS.service.w, 'Helvetica', 8);
  doc.fillColor(header ? '#ffffff' : '#000000');
  for (const key of ['days', 'unitPrice', 'amount'] as const) write(doc, row[key], COLUMNS[key].x, y, COLUMNS[key].w - 2, font, 9, { align: 'right' });
  doc.fillColor('#000000');
  if (!header)
    doc
      .moveTo(PAGE.left, top + height)
      .lineTo(PAGE.right, top + height)
      .lineWidth(0.5)
      .strokeColor('#bbbbbb')
      .stroke();
  doc.y = top + height;
}

function drawTable(doc: Doc, sheet: InvoiceSheet): void {
  const primary = sheet.town.colors.primary;
  const headerHeight = rowHeight(doc, HEADER, true);
  ensureRoom(doc, headerHeight + rowHeight(doc, sheet.rows[0] ?? HEADER, false));
  drawRow(doc, HEADER, true, primary);
  for (const row of sheet.rows) {
    if (ensureRoom(doc, rowHeight(doc, row, false))) drawRow(doc, HEADER, true, primary);
    drawRow(doc, row, false, primary);
  }
  doc.y += 10;
}

function drawTotals(doc: Doc, sheet: InvoiceSheet): void {
  const labelX = 250;
  const labelW = COLUMNS.amount.x - labelX - 8;
  for (const total of sheet.totals) {
    const font = total.strong ? 'Helvetica-Bold' : 'Helvetica';
    const height = Math.max(measure(doc, total.label, labelW, font, 9.5), measure(doc, total.amount, COLUMNS.amount.w, font, 9.5)) + 4;
    ensureRoom(doc, height);
    const y = doc.y;
    write(doc, total.label, labelX, y, labelW, font, 9.5);
    write(doc, total.amount, COLUMNS.amount.x, y, COLUMNS.amount.w - 2, font, 9.5, { align: 'right' });
    doc.y = y + height;
  }
  const due = sheet.amountDue ? `Montant à payer : ${sheet.amountDue}, avant le ${sheet.dueDate}` : 'Facture soldée : vous n’avez rien à payer.';
  const height = measure(doc, due, WIDTH - 16, 'Helvetica-Bold', 11) + 12;
  ensureRoom(doc, height + 8);
  const y = doc.y + 8;
  doc.rect(PAGE.left, y, WIDTH, height).lineWidth(1).strokeColor(sheet.town.colors.primary).stroke();
  write(doc, due, PAGE.left + 8, y + 6, WIDTH - 16, 'Helvetica-Bold', 11);
  doc.y = y + height + 14;
}

/** A titled block of paragraphs, kept together on one page. */
function drawSection(doc: Doc, sheet: InvoiceSheet, title: string, paragraphs: string[]): void {
  const size = 8.5;
  const height = measure(doc, title, WIDTH, 'Helvetica-Bold', 10.5) + 4 + paragraphs.reduce((h, p) => h + measure(doc, p, WIDTH, 'Helvetica', size) + 3, 0);
  ensureRoom(doc, height);
  let y = doc.y;
  doc.fillColor(sheet.town.colors.primary);
  y += write(doc, title, PAGE.left, y, WIDTH, 'Helvetica-Bold', 10.5) + 4;
  doc.fillColor('#000000');
  for (const paragraph of paragraphs) y += write(doc, paragraph, PAGE.left, y, WIDTH, 'Helvetica', size) + 3;
  doc.y = y + 8;
}

function drawHowToPay(doc: Doc, sheet: InvoiceSheet): void {
  const { town, payfip } = sheet;
  drawSection(doc, sheet, 'Comment payer ?', [
    `• En ligne, par carte bancaire : dans « Mes factures » sur votre espace famille (${sheet.portalUrl}), ou sur www.payfip.gouv.fr avec l’identifiant de la collectivité ${payfip.numcli} et la référence de la dette ${payfip.reference}.`,
    '• Par prélèvement automatique : si vous avez signé un mandat, la somme est prélevée à la date limite de paiement ; vous n’avez rien à faire.',
    `• Au guichet de la régie (${town.regie}), ${town.address}, ${town.hours} : en espèces, ou par chèque à l’ordre du Trésor public en rappelant le numéro de facture.`,
    `Comptable public chargé du recouvrement : ${town.accountant}. Après la date limite, une facture impayée lui est transmise ; il peut alors engager le recouvrement forcé.`,
  ]);
}

function drawHowToContest(doc: Doc, sheet: InvoiceSheet): void {
  const { town } = sheet;
  drawSection(doc, sheet, 'Une question, une erreur, une contestation ?', [
    `Pour une question ou une erreur sur cette facture, contactez le service périscolaire : ${town.phone} (${town.hours}), ${town.email}, ou dans « Mes demandes » sur votre espace famille. Vous pouvez aussi écrire à : ${town.name}, ${town.address}.`,
    `Vous pouvez contester la somme due dans un délai de deux mois à compter de la réception de cette facture (article L. 1617-5 du code général des collectivités territoriales), devant le ${lowerFirst(town.court)}, ou en ligne sur www.telerecours.fr. Une réclamation auprès de la mairie ne suspend pas ce délai.`,
  ]);
}

const lowerFirst = (text: string) => (/^Tribunal/.test(text) ? `t${text.slice(1)}` : text);

/** On every page: the running header (after the first), the town's footer and « Page n sur N ». */
function drawPageFrames(doc: Doc, sheet: InvoiceSheet): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const page = i - range.start + 1;
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the footer band must not open a new page
    if (page > 1) {
      write(doc, `${sheet.town.name} — Facture n° ${sheet.number} — Famille ${sheet.familyName}`, PAGE.left, PAGE.top - 15, WIDTH, 'Helvetica', 8);
    }
    const footerY = PAGE.bottom + 18;
    doc
      .moveTo(PAGE.left, footerY - 6)
      .lineTo(PAGE.right, footerY - 6)
      .lineWidth(0.5)
      .strokeColor(sheet.town.colors.accent)
      .stroke();
    doc.fillColor(GREY);
    write(doc, `${sheet.town.name} — ${sheet.town.regie} — SIRET ${sheet.town.siret}`, PAGE.left, footerY, WIDTH - 90, 'Helvetica', 7.5);
    write(doc, `Page ${page} sur ${range.count}`, PAGE.right - 85, footerY, 85, 'Helvetica', 7.5, { align: 'right' });
    doc.fillColor('#000000');
    doc.page.margins.bottom = bottomMargin;
  }
}
