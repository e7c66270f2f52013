import { ConflictError, NotFoundError, RuleViolationError } from '#ardoise/kernel';
import { MAX_ATTACHMENTS_PER_REQUEST, requestDecider, type RequestCommand, type RequestState } from './request.decider.js';
import type { RequestEvent } from './request-events.js';

const opened: RequestCommand = {
  type: 'OpenRequest',
  request: { requestId: 'r1', familyId: 'f1', topic: 'qf_proof', subject: 'Mon avis CAF', messageId: 'm1', body: 'Ci-joint.', author: 'family' },
};

const run = (...commands: RequestCommand[]): { state: RequestState; events: RequestEvent[] } => {
  let state = requestDecider.initialState();
  const events: RequestEvent[] = [];
  for (const command of commands) {
    const decided = requestDecider.decide(command, state);
    events.push(...decided);
    state = decided.reduce(requestDecider.evolve, state);
  }
  return { state, events };
};

/** The error a decision throws (its code and French title are what people and the API see). */
const refusal = (decide: () => unknown): { code: string; title: string } => {
  try {
    decide();
  } catch (error) {
    return error as { code: string; title: string };
  }
  throw new Error('expected a refusal');
};

const attachment = (n: number): RequestCommand => ({
  type: 'AddAttachment',
  attachment: { attachmentId: `a${n}`, fileName: 'avis.pdf', mediaType: 'application/pdf', size: 10, sha256: 'x', author: 'family' },
});

describe('a request thread ("Mes demandes")', () => {
  it('a family opens a request, staff replies, the family closes it and reopens it', () => {
    const { state, events } = run(
      opened,
      { type: 'PostMessage', messageId: 'm2', body: 'Reçu, merci.', author: 'staff' },
      { type: 'CloseRequest', author: 'family' },
      { type: 'ReopenRequest', author: 'family' },
    );
    expect(events.map((e) => e.type)).toEqual(['RequestOpened', 'RequestMessagePosted', 'RequestClosed', 'RequestReopened']);
    expect(events[1]!.data).toMatchObject({ requestId: 'r1', familyId: 'f1', author: 'staff' });
    expect(state).toMatchObject({ status: 'open' });
  });

  it('nobody writes to a closed request until it is reopened', () => {
    const closed = run(opened, { type: 'CloseRequest', author: 'staff' }).state;
    expect(() => requestDecider.decide({ type: 'PostMessage', messageId: 'm', body: 'x', author: 'family' }, closed)).toThrow(RuleViolationError);
    expect(refusal(() => requestDecider.decide(attachment(1), closed))).toMatchObject({
      code: 'REQUEST.CLOSED',
      title: 'Cette demande est close : rouvrez-la pour joindre un fichier.',
    });
  });

  it('closing twice or reopening an open request changes nothing', () => {
    const { events } = run(
      opened,
      { type: 'CloseRequest', author: 'staff' },
      { type: 'CloseRequest', author: 'staff' },
      { type: 'ReopenRequest', author: 'family' },
      { type: 'ReopenRequest', author: 'family' },
    );
    expect(events.map((e) => e.type)).toEqual(['RequestOpened', 'RequestClosed', 'RequestReopened']);
  });

  it(`holds at most ${MAX_ATTACHMENTS_PER_REQUEST} files`, () => {
    const full = run(opened, ...Array.from({ length: MAX_ATTACHMENTS_PER_REQUEST }, (_, i) => attachment(i))).state;
    expect(refusal(() => requestDecider.decide(attachment(99), full))).toMatchObject({
      code: 'REQUEST.TOO_MANY_ATTACHMENTS',
      title: 'Une demande ne peut pas contenir plus de 20 fichiers.',
    });
  });

  it('an unknown request is not found, and a request is opened once', () => {
    expect(() => requestDecider.decide({ type: 'CloseRequest', author: 'staff' }, requestDecider.initialState())).toThrow(NotFoundError);
    expect(() => run(opened, opened)).toThrow(ConflictError);
  });
});
