/**
 * Stream names are `<category>-<id>` (docs/architecture.md §3). The category is everything
 * before the FIRST dash, so it never holds a dash itself (`service_day`, not `service-day`);
 * the id may (uuids, dates, `CANTINE-2026-09-01`). Every stream name is built by `streamName`
 * and read back by `streamCategory`: the audit's category filter, the projections' prefixes and
 * the state-as-of fold all agree on what a category is.
 */
const CATEGORY = /^[a-z][a-z0-9_]*$/;

/** Throws when `category` is not a valid stream category (lower case, digits, `_`; no dash). */
export function assertStreamCategory(category: string): void {
  if (!CATEGORY.test(category)) throw new Error(`Invalid stream category "${category}": lower case letters, digits and "_" only`);
}

/** `<category>-<id parts joined by '-'>`, e.g. `streamName('service_day', 'CANTINE', '2026-09-01')`. */
export function streamName(category: string, ...idParts: readonly (string | number)[]): string {
  assertStreamCategory(category);
  if (idParts.length === 0 || idParts.some((part) => String(part).length === 0)) throw new Error(`Stream "${category}" needs a non-empty id`);
  return `${category}-${idParts.join('-')}`;
}

/** The category of a stream: the part before the first '-' (the whole name when it has none). */
export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash < 0 ? streamId : streamId.slice(0, dash);
}

/** The prefix that selects every stream of `category` (for `EventFilter.streamPrefixes`). */
export function categoryPrefix(category: string): string {
  return `${category}-`;
}
