import type { AuditReader, EventRevealer } from '#ardoise/audit';
import type { RecordedEvent } from '#ardoise/event-store';
import { isUuid } from '#ardoise/kernel';
import { mayReadHealthData, withoutHealthData } from '../domain/personal-data.js';
import { FamilyKeyStore } from './family-key-store.js';
import { openWith, type Sealed } from './personal-data-cipher.js';

/** What an auditor reads in place of a value sealed with a key that was destroyed. */
export const ERASED_PERSONAL_DATA = '[donnée personnelle effacée (RGPD)]';

const SEALED = /^pd1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Shows auditors the personal data of events (families' and messaging's requests: every value
 * sealed with the key of the event's `data.familyId`) in clear while the family's key exists,
 * and `ERASED_PERSONAL_DATA` once it was forgotten. Events without a family, or without a
 * sealed value, are shown as stored. Exports never go through it (they stay as stored).
 * A child's health data is left out for a reader who may not read it (an auditor).
 */
export class FamilyRevealer implements EventRevealer {
  constructor(private readonly keys: FamilyKeyStore) {}

  async reveal(event: RecordedEvent, reader: AuditReader): Promise<unknown> {
    const revealed = await this.open(event);
    return CHILD_EVENTS.has(event.type) && !mayReadHealthData(reader.role) ? withoutChildHealthData(revealed) : revealed;
  }

  private async open(event: RecordedEvent): Promise<unknown> {
    const data = event.data as Record<string, unknown> | null;
    const familyId = data && typeof data === 'object' ? data['familyId'] : undefined;
    if (!isUuid(familyId) || !containsSealed(data)) return event.data;
    const key = await this.keys.existingKey(familyId);
    return mapSealed(data, (sealed) => {
      if (!key) return ERASED_PERSONAL_DATA;
      try {
        return openWith(key, familyId, sealed);
      } catch {
        return sealed; // not this family's key (moved or altered): shown as stored, the chain check tells the rest
      }
    });
  }
}

/** The events whose `details` are a child's (ChildDetails). */
const CHILD_EVENTS = new Set(['ChildRegistered', 'ChildUpdated']);

function withoutChildHealthData(data: unknown): unknown {
  if (!data || typeof data !== 'object') return data;
  const details = (data as { details?: unknown }).details;
  return details && typeof details === 'object' ? { ...data, details: withoutHealthData(details) } : data;
}

const isSealed = (value: unknown): value is Sealed => typeof value === 'string' && SEALED.test(value);

function containsSealed(value: unknown): boolean {
  if (isSealed(value)) return true;
  if (Array.isArray(value)) return value.some(containsSealed);
  if (value && typeof value === 'object') return Object.values(value).some(containsSealed);
  return false;
}

function mapSealed(value: unknown, open: (sealed: Sealed) => unknown): unknown {
  if (isSealed(value)) return open(value);
  if (Array.isArray(value)) return value.map((item) => mapSealed(item, open));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapSealed(v, open)]));
  return value;
}
