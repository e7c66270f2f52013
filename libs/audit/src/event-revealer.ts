import type { Role } from '#ardoise/commands';
import type { RecordedEvent } from '#ardoise/event-store';

/** Who reads the audit views: what a revealer may show depends on it (health data). */
export interface AuditReader {
  role: Role;
}

/**
 * What an auditor is shown of an event's data. Personal data is stored encrypted per family
 * (crypto-shredding, docs/decisions/0003-crypto-shredding.md): a context that can decrypt plugs its revealer in through
 * `AuditModule.register({ revealer })`; where the key is gone it shows the data as stored.
 * The default shows every event exactly as stored (ciphertext included). A revealer also
 * leaves out what the reader's role may not read (a child's health data, for auditors).
 *
 * Exports never reveal: an export is the stored content, so that its hashes can be checked
 * again outside Ardoise.
 */
export interface EventRevealer {
  reveal(event: RecordedEvent, reader: AuditReader): Promise<unknown> | unknown;
}

export const EVENT_REVEALER = Symbol('ardoise.audit.EVENT_REVEALER');

export const storedDataRevealer: EventRevealer = {
  reveal: (event) => event.data,
};
