import { XMLBuilder, XMLParser } from 'fast-xml-parser';

/**
 * The PayFIP web service (DGFiP, "paiement sécurisé"), as SOAP 1.1 messages: the
 * operations `creerPaiementSecurise` (→ an operation id, `idOp`) and
 * `recupererDetailPaiementSecurise` (→ the result `resultrans`: P paid, A abandoned,
 * R refused), and the functional faults. Shared by the client and the test-mode double.
 */
export const PAYFIP_NAMESPACE = 'http://securite.service.tpa.cp.finances.gouv.fr/services/mas_securite/contrat_paiement_securise/PaiementSecuriseService';

export interface CreatePaymentRequest {
  numcli: string;
  exer: string;
  refdet: string;
  objet: string;
  montant: string; // cents
  mel: string;
  urlnotif: string;
  urlredirect: string;
  saisie: 'T' | 'X' | 'W';
}

export interface PaymentDetail {
  idOp: string;
  numcli: string;
  exer: string;
  refdet: string;
  objet: string;
  montant: string;
  mel: string;
  saisie: string;
  resultrans: 'P' | 'A' | 'R';
  numauto: string;
  dattrans: string; // JJMMAAAA
  heurtrans: string; // HHMM
}

/** A functional error: P1 unknown operation, P5 result not known yet, … */
export class PayfipFault extends Error {
  constructor(
    readonly code: string,
    readonly label: string,
  ) {
    super(`${code} ${label}`);
  }
}

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: false });
const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, parseTagValue: false });

const envelope = (body: unknown) =>
  builder.build({
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    'soapenv:Envelope': { '@_xmlns:soapenv': 'http://schemas.xmlsoap.org/soap/envelope/', '@_xmlns:pai': PAYFIP_NAMESPACE, 'soapenv:Body': body },
  });

export const createPaymentMessage = (request: CreatePaymentRequest) => envelope({ 'pai:creerPaiementSecurise': { arg0: request } });
export const paymentDetailMessage = (idOp: string) => envelope({ 'pai:recupererDetailPaiementSecurise': { arg0: { idOp } } });
export const createPaymentResponse = (idOp: string) => envelope({ 'pai:creerPaiementSecuriseResponse': { return: { idOp } } });
export const paymentDetailResponse = (detail: PaymentDetail) => envelope({ 'pai:recupererDetailPaiementSecuriseResponse': { return: detail } });
export const faultMessage = (fault: PayfipFault) =>
  envelope({
    'soapenv:Fault': {
      faultcode: 'soapenv:Server',
      faultstring: fault.label,
      detail: { 'pai:FonctionnelleErreur': { code: fault.code, descriptif: fault.label, libelle: fault.label, severite: '2' } },
    },
  });

/** The operation and its argument (or result) of a SOAP message; throws PayfipFault on a fault. */
export function readMessage(xml: string): { operation: string; content: Record<string, string> } {
  const body = parser.parse(xml)?.Envelope?.Body;
  if (!body || typeof body !== 'object') throw new PayfipFault('P0', 'Message SOAP illisible');
  if (body.Fault) {
    const error = body.Fault.detail?.FonctionnelleErreur;
    throw new PayfipFault(String(error?.code ?? 'P0'), String(error?.libelle ?? body.Fault.faultstring ?? 'Erreur PayFIP'));
  }
  const operation = Object.keys(body)[0];
  const part = body[operation];
  return { operation, content: (part?.arg0 ?? part?.return ?? {}) as Record<string, string> };
}
