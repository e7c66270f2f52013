import { createPaymentMessage, faultMessage, paymentDetailResponse, PayfipFault, readMessage } from './payfip-protocol.js';

describe('the PayFIP SOAP messages', () => {
  it('carry the payment request and read back as sent', () => {
    const request = {
      numcli: '012345',
      exer: '2026',
      refdet: '2026000123',
      objet: 'Facture 2026-000123',
      montant: '2620',
      mel: 'parent@example.fr',
      urlnotif: 'https://a/n',
      urlredirect: 'https://a/r',
      saisie: 'T' as const,
    };
    const { operation, content } = readMessage(createPaymentMessage(request));
    expect(operation).toBe('creerPaiementSecurise');
    expect(content).toEqual(request);
  });

  it('read a result and turn a functional fault into an error with its code', () => {
    const detail = {
      idOp: 'abc',
      numcli: '012345',
      exer: '2026',
      refdet: '2026000123',
      objet: 'x',
      montant: '2620',
      mel: 'm',
      saisie: 'T',
      resultrans: 'P' as const,
      numauto: '123456',
      dattrans: '01042026',
      heurtrans: '1015',
    };
    expect(readMessage(paymentDetailResponse(detail)).content).toMatchObject({ resultrans: 'P', montant: '2620', dattrans: '01042026' });
    expect(() => readMessage(faultMessage(new PayfipFault('P5', 'Résultat de la transaction non connu')))).toThrow(expect.objectContaining({ code: 'P5' }));
  });
});
