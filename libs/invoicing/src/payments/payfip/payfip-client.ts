import { UnavailableError } from '#ardoise/kernel';
import { createPaymentMessage, paymentDetailMessage, PayfipFault, readMessage, type CreatePaymentRequest, type PaymentDetail } from './payfip-protocol.js';

/** Calls the PayFIP web service (the real one, or the test-mode double: same protocol). */
export class PayfipClient {
  constructor(private readonly endpoint: () => string) {}

  async createPayment(request: CreatePaymentRequest): Promise<string> {
    const { content } = await this.call(createPaymentMessage(request));
    if (!content.idOp) throw new UnavailableError('PAYFIP.UNAVAILABLE', 'Le service de paiement en ligne ne répond pas : réessayez plus tard.');
    return content.idOp;
  }

  /** The result, or null while PayFIP does not know it yet (P5). */
  async paymentDetail(idOp: string): Promise<PaymentDetail | null> {
    try {
      return (await this.call(paymentDetailMessage(idOp))).content as unknown as PaymentDetail;
    } catch (error) {
      if (error instanceof PayfipFault && error.code === 'P5') return null;
      throw error;
    }
  }

  private async call(message: string) {
    let text: string;
    try {
      const response = await fetch(this.endpoint(), {
        method: 'POST',
        headers: { 'content-type': 'text/xml; charset=utf-8', SOAPAction: '' },
        body: message,
        signal: AbortSignal.timeout(15_000),
      });
      text = await response.text();
    } catch {
      throw new UnavailableError('PAYFIP.UNAVAILABLE', 'Le service de paiement en ligne ne répond pas : réessayez plus tard.');
    }
    return readMessage(text);
  }
}
