import { RuleViolationError } from '#ardoise/kernel';
import { requestNotFound, type RequestState } from './request.decider.js';

type OpenedRequest = Extract<RequestState, { opened: true }>;

/**
 * An agent turns a QF proof request into the family's quotient familial: only a request about
 * a QF proof, and only while it is open (it is closed once the quotient is recorded).
 */
export function assertTurnableIntoQuotient(state: RequestState): OpenedRequest {
  if (!state.opened) throw requestNotFound();
  if (state.topic !== 'qf_proof') {
    throw new RuleViolationError(
      'REQUEST.NOT_QF_PROOF',
      'Cette demande ne porte pas sur un justificatif de quotient familial : le quotient ne peut pas être mis à jour depuis elle.',
    );
  }
  if (state.status === 'closed') {
    throw new RuleViolationError('REQUEST.CLOSED', 'Cette demande est close : rouvrez-la pour mettre à jour le quotient familial.');
  }
  return state;
}

/**
 * The proof reference kept in the family file: the request, and the family's file when there
 * is one, so the quotient leads back to the document it was read from.
 */
export function quotientProofReference(state: OpenedRequest): string {
  const request = `DEMANDE-${state.requestId}`;
  return state.lastFamilyAttachmentId ? `${request}/PJ-${state.lastFamilyAttachmentId}` : request;
}

const frenchDay = (day: string): string => day.split('-').reverse().join('/');
const euros = (amount: number): string => `${new Intl.NumberFormat('fr-FR').format(amount)} €`;

/** The staff message left on the thread once the quotient is recorded. */
export function quotientUpdatedMessage(quotient: { amount: number; validFrom: string; validUntil: string }): string {
  return (
    `Votre quotient familial a été mis à jour : ${euros(quotient.amount)}, ` +
    `valable du ${frenchDay(quotient.validFrom)} au ${frenchDay(quotient.validUntil)}. ` +
    'Il s’applique aux prochaines factures. Merci pour votre justificatif ; cette demande est close.'
  );
}
