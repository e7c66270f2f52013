import { streamName } from '#ardoise/kernel';
import type { DomainEvent } from '#ardoise/commands';
import type { SealedText } from '../privacy/family-personal-data.js';

export const REQUEST_OPENED = 'RequestOpened';
export const REQUEST_MESSAGE_POSTED = 'RequestMessagePosted';
export const REQUEST_ATTACHMENT_ADDED = 'RequestAttachmentAdded';
export const REQUEST_CLOSED = 'RequestClosed';
export const REQUEST_REOPENED = 'RequestReopened';

/** What a request ("Mes demandes") is about, as in the guide. */
export const REQUEST_TOPICS = ['certificate', 'proof_of_address', 'qf_proof', 'other'] as const;
export type RequestTopic = (typeof REQUEST_TOPICS)[number];

/** Who wrote: the family (a parent) or the town's staff (agent, admin). */
export type RequestAuthor = 'family' | 'staff';

/**
 * A thread between a family and the town's staff (`request-<id>` stream). What people wrote
 * (subject, messages) and the file names are personal data: they travel sealed with the
 * family's key (`SealedText`, the subject as a string, a body as a string), so forgetting
 * the family makes them unreadable in every replay and export. Ids, topic, authors stay clear.
 */
export type RequestOpened = DomainEvent<
  typeof REQUEST_OPENED,
  { requestId: string; familyId: string; topic: RequestTopic; subject: SealedText; messageId: string; body: SealedText; author: RequestAuthor }
>;

export type RequestMessagePosted = DomainEvent<
  typeof REQUEST_MESSAGE_POSTED,
  { requestId: string; familyId: string; messageId: string; body: SealedText; author: RequestAuthor }
>;

/**
 * A file joined to the thread. Its bytes are kept outside the event log (the `attachments`
 * table); the event carries their SHA-256, so the log proves which file it was. The file
 * name is personal data (it often names a person): sealed with the family's key, and shown
 * to the family and staff only. The bytes are deleted when the family is forgotten.
 */
export type RequestAttachmentAdded = DomainEvent<
  typeof REQUEST_ATTACHMENT_ADDED,
  {
    requestId: string;
    familyId: string;
    attachmentId: string;
    fileName: SealedText;
    mediaType: string;
    size: number;
    sha256: string;
    author: RequestAuthor;
  }
>;

export type RequestClosed = DomainEvent<typeof REQUEST_CLOSED, { requestId: string; familyId: string; author: RequestAuthor }>;
export type RequestReopened = DomainEvent<typeof REQUEST_REOPENED, { requestId: string; familyId: string; author: RequestAuthor }>;

export type RequestEvent = RequestOpened | RequestMessagePosted | RequestAttachmentAdded | RequestClosed | RequestReopened;

export const REQUEST_EVENT_TYPES = [REQUEST_OPENED, REQUEST_MESSAGE_POSTED, REQUEST_ATTACHMENT_ADDED, REQUEST_CLOSED, REQUEST_REOPENED];

export const requestStream = (requestId: string) => streamName('request', requestId);
