import { XMLBuilder } from 'fast-xml-parser';

export interface DirectDebitTransaction {
  endToEndId: string;
  amountCents: number;
  mandateReference: string;
  mandateSignedOn: string;
  debtorName: string;
  /** The debited account, from the mandate (opened with the family's key at export time). */
  debtorIban: string;
  debtorBic?: string | null;
  remittance: string;
}

export interface DirectDebitBatch {
  messageId: string;
  createdAt: string;
  collectionDate: string;
  creditor: { name: string; iban: string; creditorId: string };
  transactions: DirectDebitTransaction[];
}

const euros = (cents: number) => (cents / 100).toFixed(2);
/** SEPA's Latin subset: accents and symbols outside it are replaced. */
const sepaText = (text: string, max: number) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9/?:().,'+ -]/g, ' ')
    .slice(0, max);

/**
 * A SEPA Direct Debit Initiation (ISO 20022 pain.008.001.02, CORE, recurrent), the file the
 * town hands to its bank (or to the DGFiP) to collect the families with a mandate.
 */
export function pain008(batch: DirectDebitBatch): string {
  const total = batch.transactions.reduce((sum, t) => sum + t.amountCents, 0);
  const document = {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    Document: {
      '@_xmlns': 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02',
      CstmrDrctDbtInitn: {
        GrpHdr: {
          MsgId: batch.messageId,
          CreDtTm: batch.createdAt,
          NbOfTxs: batch.transactions.length,
          CtrlSum: euros(total),
          InitgPty: { Nm: sepaText(batch.creditor.name, 70) },
        },
        PmtInf: {
          PmtInfId: `${batch.messageId}-1`,
          PmtMtd: 'DD',
          NbOfTxs: batch.transactions.length,
          CtrlSum: euros(total),
          PmtTpInf: { SvcLvl: { Cd: 'SEPA' }, LclInstrm: { Cd: 'CORE' }, SeqTp: 'RCUR' },
          ReqdColltnDt: batch.collectionDate,
          Cdtr: { Nm: sepaText(batch.creditor.name, 70) },
          CdtrAcct: { Id: { IBAN: batch.creditor.iban } },
          CdtrAgt: { FinInstnId: { Othr: { Id: 'NOTPROVIDED' } } },
          CdtrSchmeId: { Id: { PrvtId: { Othr: { Id: batch.creditor.creditorId, SchmeNm: { Prtry: 'SEPA' } } } } },
          DrctDbtTxInf: batch.transactions.map((t) => ({
            PmtId: { EndToEndId: t.endToEndId },
            InstdAmt: { '@_Ccy': 'EUR', '#text': euros(t.amountCents) },
            DrctDbtTx: { MndtRltdInf: { MndtId: sepaText(t.mandateReference, 35), DtOfSgntr: t.mandateSignedOn } },
            DbtrAgt: { FinInstnId: t.debtorBic ? { BIC: t.debtorBic } : { Othr: { Id: 'NOTPROVIDED' } } },
            Dbtr: { Nm: sepaText(t.debtorName, 70) },
            DbtrAcct: { Id: { IBAN: t.debtorIban } },
            RmtInf: { Ustrd: sepaText(t.remittance, 140) },
          })),
        },
      },
    },
  };
  return new XMLBuilder({ ignoreAttributes: false, format: true, suppressEmptyNode: true }).build(document);
}
