import { XMLParser } from 'fast-xml-parser';
import { pain008 } from './pain008.js';

describe('the SEPA direct-debit file (pain.008)', () => {
  it('lists each collection with its mandate and debtor account, totals in euros, and the town as creditor', () => {
    const xml = pain008({
      messageId: 'ARD-20260501-1',
      createdAt: '2026-05-01T08:00:00',
      collectionDate: '2026-05-01',
      creditor: { name: 'Mairie de Saint-Ardoise', iban: 'FR7630001007941234567890185', creditorId: 'FR00ZZZ000000' },
      transactions: [
        {
          endToEndId: 'F2026000001',
          amountCents: 2620,
          mandateReference: 'RUM-2026-000042',
          mandateSignedOn: '2026-02-01',
          debtorName: 'Famille Lefèvre',
          debtorIban: 'FR7630004000031234567890143',
          debtorBic: 'BNPAFRPP',
          remittance: 'Facture 2026-000001 mars 2026',
        },
        {
          endToEndId: 'F2026000002',
          amountCents: 300,
          mandateReference: 'RUM-2026-000043',
          mandateSignedOn: '2026-02-03',
          debtorName: 'Famille Noël',
          debtorIban: 'FR1420041010050500013M02606',
          remittance: 'Facture 2026-000002',
        },
      ],
    });
    const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml).Document;
    expect(doc['@_xmlns']).toBe('urn:iso:std:iso:20022:tech:xsd:pain.008.001.02');
    const header = doc.CstmrDrctDbtInitn.GrpHdr;
    expect(header.NbOfTxs).toBe('2');
    expect(header.CtrlSum).toBe('29.20');
    const [first, second] = doc.CstmrDrctDbtInitn.PmtInf.DrctDbtTxInf;
    expect(first.InstdAmt).toEqual({ '#text': '26.20', '@_Ccy': 'EUR' });
    expect(first.DrctDbtTx.MndtRltdInf.MndtId).toBe('RUM-2026-000042');
    expect(first.Dbtr.Nm).toBe('Famille Lefevre');
    expect(first.DbtrAcct.Id.IBAN).toBe('FR7630004000031234567890143');
    expect(first.DbtrAgt.FinInstnId.BIC).toBe('BNPAFRPP');
    expect(second.DbtrAcct.Id.IBAN).toBe('FR1420041010050500013M02606');
    expect(second.DbtrAgt.FinInstnId.Othr.Id).toBe('NOTPROVIDED');
  });
});
