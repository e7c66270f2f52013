import type { ParamMap, Params } from '@angular/router';
import type { EventFilters } from '../audit-api.service';

/** The log's stream categories, for the filter's list (any other can be typed in the URL). */
export const KNOWN_CATEGORIES = [
  'family',
  'account',
  'basket',
  'service',
  'calendar',
  'invoice',
  'tariff',
  'invoice_numbers',
  'credit_note_numbers',
  'billing_run',
  'request',
  'news',
];

/** French query parameter names of the event browser (shareable links, finance's deep links). */
const NAMES: Record<keyof EventFilters, string> = {
  category: 'categorie',
  type: 'type',
  actor: 'auteur',
  onBehalfOf: 'pourLeCompteDe',
  correlationId: 'correlation',
  stream: 'prefixe',
  mentions: 'mentionne',
  from: 'du',
  to: 'au',
};

export function filtersFromQuery(query: ParamMap): { filters: EventFilters; streamId: string | null; order: 'backwards' | 'forwards'; eventId: string | null } {
  const filters: EventFilters = {};
  for (const [key, name] of Object.entries(NAMES) as [keyof EventFilters, string][]) {
    const value = query.get(name)?.trim();
    if (value) filters[key] = value;
  }
  const streamId = query.get('flux')?.trim() || null;
  // A stream's timeline reads oldest first by default (revision order).
  const order = query.get('ordre') === 'anciens' || (streamId && query.get('ordre') !== 'recents') ? 'forwards' : 'backwards';
  return { filters, streamId, order, eventId: query.get('evenement') || null };
}

export function queryFromFilters(filters: EventFilters, streamId: string | null, order: 'backwards' | 'forwards', eventId: string | null): Params {
  const query: Params = {};
  for (const [key, name] of Object.entries(NAMES) as [keyof EventFilters, string][]) {
    const value = filters[key]?.trim();
    if (value) query[name] = value;
  }
  if (streamId) query['flux'] = streamId;
  if (order === 'forwards') query['ordre'] = 'anciens';
  if (eventId) query['evenement'] = eventId;
  return query;
}

/** `2026-09-14T08:00` (a datetime-local field, Paris as the browser shows it) → ISO instant; ISO passes through. */
export function toInstant(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toISOString();
}
