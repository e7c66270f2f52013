import { ConflictError, NotFoundError, RuleViolationError } from '#ardoise/kernel';
import type { Decider } from '#ardoise/commands';
import type { RequestAttachmentAdded, RequestAuthor, RequestEvent, RequestOpened, RequestTopic } from './request-events.js';

/** A thread holds at most this many files (a family sends a few documents, not an archive). */
export const MAX_ATTACHMENTS_PER_REQUEST = 20;

export type RequestState =
  | { opened: false }
  | {
      opened: true;
      requestId: string;
      familyId: string;
      topic: RequestTopic;
      status: 'open' | 'closed';
      attachments: number;
      /** The newest file the family sent: the proof staff act on (a QF update refers to it). */
      lastFamilyAttachmentId?: string;
    };

export type RequestCommand =
  | { type: 'OpenRequest'; request: RequestOpened['data'] }
  | { type: 'PostMessage'; messageId: string; body: string; author: RequestAuthor }
  | { type: 'AddAttachment'; attachment: Omit<RequestAttachmentAdded['data'], 'requestId' | 'familyId'> }
  | { type: 'CloseRequest'; author: RequestAuthor }
  | { type: 'ReopenRequest'; author: RequestAuthor };

export function requestNotFound(): NotFoundError {
  return new NotFoundError('REQUEST.NOT_FOUND', 'Demande introuvable.');
}

function openThread(state: RequestState, action: string): Extract<RequestState, { opened: true }> {
  if (!state.opened) throw requestNotFound();
  if (state.status === 'closed') {
    throw new RuleViolationError('REQUEST.CLOSED', `Cette demande est close : rouvrez-la pour ${action}.`);
  }
  return state;
}

export const requestDecider: Decider<RequestState, RequestCommand, RequestEvent> = {
  initialState: () => ({ opened: false }),

  evolve(state, event) {
    switch (event.type) {
      case 'RequestOpened':
        return { opened: true, requestId: event.data.requestId, familyId: event.data.familyId, topic: event.data.topic, status: 'open', attachments: 0 };
      case 'RequestAttachmentAdded':
        if (!state.opened) return state;
        return {
          ...state,
          attachments: state.attachments + 1,
          ...(event.data.author === 'family' ? { lastFamilyAttachmentId: event.data.attachmentId } : {}),
        };
      case 'RequestClosed':
        return state.opened ? { ...state, status: 'closed' } : state;
      case 'RequestReopened':
        return state.opened ? { ...state, status: 'open' } : state;
      default:
        return state;
    }
  },

  decide(command, state) {
    if (command.type === 'OpenRequest') {
      if (state.opened) throw new ConflictError('REQUEST.ALREADY_OPENED', 'Cette demande existe déjà.');
      return [{ type: 'RequestOpened', data: command.request }];
    }
    if (!state.opened) throw requestNotFound();
    const ids = { requestId: state.requestId, familyId: state.familyId };
    switch (command.type) {
      case 'PostMessage':
        openThread(state, 'écrire');
        return [{ type: 'RequestMessagePosted', data: { ...ids, messageId: command.messageId, body: command.body, author: command.author } }];
      case 'AddAttachment':
        if (openThread(state, 'joindre un fichier').attachments >= MAX_ATTACHMENTS_PER_REQUEST) {
          throw new RuleViolationError('REQUEST.TOO_MANY_ATTACHMENTS', `Une demande ne peut pas contenir plus de ${MAX_ATTACHMENTS_PER_REQUEST} fichiers.`);
        }
        return [{ type: 'RequestAttachmentAdded', data: { ...ids, ...command.attachment } }];
      case 'CloseRequest':
        return state.status === 'closed' ? [] : [{ type: 'RequestClosed', data: { ...ids, author: command.author } }];
      case 'ReopenRequest':
        return state.status === 'open' ? [] : [{ type: 'RequestReopened', data: { ...ids, author: command.author } }];
    }
  },
};
