import { isDeepStrictEqual } from 'node:util';

/**
 * True when two facts say the same thing. Not `JSON.stringify(a) === JSON.stringify(b)`:
 * a fact read back from the log (PostgreSQL `jsonb`) has its keys in another order than the
 * command that asks for it again, so the same school year or règlement looked new and was
 * appended once more at every start. `undefined` members count as absent, as in the log.
 */
export function sameFacts(a: unknown, b: unknown): boolean {
  return isDeepStrictEqual(asStored(a), asStored(b));
}

const asStored = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
