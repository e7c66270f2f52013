import { RuleViolationError } from '#ardoise/kernel';
import { assertTurnableIntoQuotient, quotientProofReference, quotientUpdatedMessage } from './qf-proof.js';
import { requestDecider, type RequestCommand, type RequestState } from './request.decider.js';
import type { RequestTopic } from './request-events.js';

const requestAbout = (topic: RequestTopic, ...commands: RequestCommand[]): RequestState => {
  const all: RequestCommand[] = [
    { type: 'OpenRequest', request: { requestId: 'r1', familyId: 'f1', topic, subject: 's', messageId: 'm1', body: 'b', author: 'family' } },
    ...commands,
  ];
  return all.reduce((state, command) => requestDecider.decide(command, state).reduce(requestDecider.evolve, state), requestDecider.initialState());
};
const file = (attachmentId: string, author: 'family' | 'staff'): RequestCommand => ({
  type: 'AddAttachment',
  attachment: { attachmentId, fileName: 'x', mediaType: 'application/pdf', size: 1, sha256: 'h', author },
});

describe('turning a QF proof request into a quotient familial', () => {
  it('refers to the request and the newest file the family sent, not a file staff added', () => {
    const state = requestAbout('qf_proof', file('a1', 'family'), file('a2', 'family'), file('a3', 'staff'));
    expect(quotientProofReference(assertTurnableIntoQuotient(state))).toBe('DEMANDE-r1/PJ-a2');
    expect(quotientProofReference(assertTurnableIntoQuotient(requestAbout('qf_proof')))).toBe('DEMANDE-r1');
  });

  it('refuses a request about something else, and a closed one', () => {
    expect(() => assertTurnableIntoQuotient(requestAbout('certificate'))).toThrow('REQUEST.NOT_QF_PROOF');
    expect(() => assertTurnableIntoQuotient(requestAbout('qf_proof', { type: 'CloseRequest', author: 'family' }))).toThrow(RuleViolationError);
    expect(() => assertTurnableIntoQuotient(requestDecider.initialState())).toThrow('REQUEST.NOT_FOUND');
  });

  it('tells the family the amount and the validity in French', () => {
    expect(quotientUpdatedMessage({ amount: 1250, validFrom: '2026-01-01', validUntil: '2026-12-31' })).toContain(
      'mis à jour : 1\u202f250 €, valable du 01/01/2026 au 31/12/2026.',
    );
  });
});
