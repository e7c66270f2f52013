import { ValidationError } from '#ardoise/kernel';
import type { Position, PositionCodec } from '../event-store.port.js';

/**
 * EventStoreDB's position in `$all`: a {commit, prepare} pair of transaction-file offsets.
 * The port keeps positions opaque; inside this adapter they are always this shape, with
 * both parts normalised to bigint (the client hands out bigints, but gRPC/JSON paths and
 * persisted checkpoints can bring numbers or strings back in).
 */
export interface EsdbPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

type Numeric = bigint | number | string;

/** Normalise any {commit, prepare} with BigInt(x). */
export function esdbPosition(commit: Numeric, prepare: Numeric): EsdbPosition {
  return { commit: BigInt(commit), prepare: BigInt(prepare) };
}

/** Port position (opaque) → EventStoreDB position, normalised. */
export function fromPortPosition(position: Position): EsdbPosition {
  const candidate = position as unknown as { commit?: Numeric; prepare?: Numeric };
  if (candidate == null || candidate.commit === undefined || candidate.prepare === undefined) {
    throw new ValidationError([{ field: 'position', messages: ['not an EventStoreDB position {commit, prepare}'] }]);
  }
  return esdbPosition(candidate.commit, candidate.prepare);
}

/** EventStoreDB position (from the client) → port position, normalised. */
export function toPortPosition(position: { commit: Numeric; prepare: Numeric }): Position {
  return Object.freeze(esdbPosition(position.commit, position.prepare)) as unknown as Position;
}

/** Commit first, then prepare: the order of records in the transaction file. */
export function compareEsdbPositions(a: EsdbPosition, b: EsdbPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

// EventStoreDB's own textual form of a position, e.g. in its UI and logs: "C:1234/P:1234".
const ENCODED = /^C:(\d{1,20})\/P:(\d{1,20})$/;

export const esdbPositionCodec: PositionCodec = {
  encode(position: Position): string {
    const { commit, prepare } = fromPortPosition(position);
    return `C:${commit}/P:${prepare}`;
  },
  decode(encoded: string): Position {
    const match = typeof encoded === 'string' ? ENCODED.exec(encoded.trim()) : null;
    if (!match) {
      throw new ValidationError([{ field: 'position', messages: [`"${String(encoded)}" is not an EventStoreDB position (expected C:<commit>/P:<prepare>)`] }]);
    }
    return toPortPosition({ commit: match[1]!, prepare: match[2]! });
  },
  compare(a: Position, b: Position): number {
    return compareEsdbPositions(fromPortPosition(a), fromPortPosition(b));
  },
};

/**
 * Port start positions are exclusive; EventStoreDB's readAll start is inclusive (and a
 * backwards read may or may not include the record at the start position, depending on the
 * server version). Keep only what lies strictly after `from` in the read direction.
 */
export function isPastStart(position: EsdbPosition, from: EsdbPosition | undefined, direction: 'forwards' | 'backwards'): boolean {
  if (!from) return true;
  const order = compareEsdbPositions(position, from);
  return direction === 'forwards' ? order > 0 : order < 0;
}
