import { ValidationError } from '#ardoise/kernel';
import type { Position, PositionCodec } from '../event-store.port.js';

/**
 * PostgreSQL position: the writing transaction's id (xid8) and the row's global_position
 * (bigserial). Global order is (transactionId, globalPosition): see docs/architecture.md §3 and
 * read-all.ts for why the sequence alone is not a safe order.
 * Encoded as "<transactionId>-<globalPosition>" (decimal), e.g. "7431-1200".
 */
export interface PgPosition {
  readonly transactionId: bigint;
  readonly globalPosition: bigint;
}

export function toPosition(p: PgPosition): Position {
  return Object.freeze({ transactionId: p.transactionId, globalPosition: p.globalPosition }) as unknown as Position;
}

export function fromPosition(position: Position): PgPosition {
  const p = position as unknown as Partial<PgPosition>;
  if (p === null || typeof p !== 'object' || typeof p.transactionId !== 'bigint' || typeof p.globalPosition !== 'bigint') {
    throw new ValidationError([{ field: 'position', messages: ['not a PostgreSQL event store position'] }]);
  }
  return { transactionId: p.transactionId, globalPosition: p.globalPosition };
}

export function comparePg(a: PgPosition, b: PgPosition): number {
  if (a.transactionId !== b.transactionId) return a.transactionId < b.transactionId ? -1 : 1;
  if (a.globalPosition !== b.globalPosition) return a.globalPosition < b.globalPosition ? -1 : 1;
  return 0;
}

const ENCODED = /^(\d{1,20})-(\d{1,20})$/;

export const postgresPositions: PositionCodec = {
  encode(position) {
    const p = fromPosition(position);
    return `${p.transactionId}-${p.globalPosition}`;
  },
  decode(encoded) {
    const match = typeof encoded === 'string' ? ENCODED.exec(encoded) : null;
    if (!match) {
      throw new ValidationError([{ field: 'position', messages: [`"${String(encoded)}" is not an encoded PostgreSQL position`] }]);
    }
    return toPosition({ transactionId: BigInt(match[1]!), globalPosition: BigInt(match[2]!) });
  },
  compare(a, b) {
    return comparePg(fromPosition(a), fromPosition(b));
  },
};
