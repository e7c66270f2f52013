import { createHash } from 'node:crypto';

const NAMESPACE = Buffer.from('6f1d7a1e2b7c4c1e9a4f0d3b8e5a2c71', 'hex');

/**
 * A UUID (version 5, RFC 9562) derived from a name: the invoice of a family-month always has
 * the same id, so a re-run, a concurrent run or a retry after a crash writes to the same
 * stream, with the same event id, and the store keeps one.
 */
export function uuidFromName(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  const bytes = Buffer.from(hash.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
