import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '#ardoise/kernel';

/** 413 — the file is over the size limit. */
export class AttachmentTooLargeError extends AppError {
  readonly status = 413;
}

/** 415 — the file's content is not an accepted type (whatever its name says). */
export class AttachmentTypeRefusedError extends AppError {
  readonly status = 415;
}

/**
 * Who may download a request's files: the family and the town's agents (and administrators).
 * Finance and auditors read the thread, not the files (certificates, PAI, proofs hold
 * health and personal data they do not need).
 */
export const ATTACHMENT_READERS = ['parent', 'agent', 'admin'] as const;

export function mayDownloadAttachments(role: string): boolean {
  return (ATTACHMENT_READERS as readonly string[]).includes(role);
}

/** What families send: scanned documents and photos taken with a phone (iPhones shoot HEIC). */
const ACCEPTED: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
};

export function attachmentTooLarge(maxMegabytes: number): AttachmentTooLargeError {
  return new AttachmentTooLargeError(
    'ATTACHMENT.TOO_LARGE',
    `Le fichier est trop volumineux : ${maxMegabytes} Mo au maximum. Réduisez la taille de la photo ou du scan, puis réessayez.`,
  );
}

/**
 * The media type read from the file's first bytes (magic numbers), never from its name or
 * from what the browser claims: a renamed program stays refused.
 */
export async function acceptedMediaType(content: Uint8Array): Promise<string> {
  const detected = await fileTypeFromBuffer(content);
  if (!detected || !ACCEPTED[detected.mime]) {
    throw new AttachmentTypeRefusedError('ATTACHMENT.TYPE_REFUSED', 'Ce fichier n’est pas accepté : envoyez un PDF ou une photo (JPEG, PNG ou HEIC).');
  }
  return detected.mime;
}

// eslint-disable-next-line no-control-regex -- stripping control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** A file name safe to store and to offer back: no path, no control characters, bounded length. */
export function cleanFileName(original: string | undefined, mediaType: string): string {
  const base = (original ?? '').split(/[\\/]/).pop()!.replace(CONTROL_CHARACTERS, '').trim().slice(0, 200);
  return base || `document.${ACCEPTED[mediaType]!.toLowerCase()}`;
}
