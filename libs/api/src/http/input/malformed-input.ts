import { AppError, ValidationError } from '#ardoise/kernel';

/** Deeper JSON than this is refused before anything walks it (no form of ours nests more than 4). */
export const MAX_JSON_DEPTH = 32;

/** 400 — the body nests objects or lists too deep to be a form of ours. */
export class TooDeepError extends AppError {
  readonly status = 400;
  constructor() {
    super('REQUEST.TOO_DEEP', 'La requête est mal formée : ses données sont imbriquées trop profondément.', `more than ${MAX_JSON_DEPTH} levels`);
  }
}

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether raw JSON text opens more than `max` objects or lists inside one another, read in
 * one pass over the bytes before parsing (brackets inside strings are text). A syntax error
 * is left to the parser.
 */
export function jsonDepthExceeds(raw: Uint8Array, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const byte = raw[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

/** A NUL character or half a UTF-16 surrogate pair: no person types these, PostgreSQL and the validators choke on them. */
export function isMalformedText(text: string): boolean {
  return text.includes('\0') || !(text as string & { isWellFormed(): boolean }).isWellFormed();
}

/**
 * The path (`children.0.firstName`) of the first malformed key or string in a parsed body or
 * query, or undefined. Iterative: the input's depth is already bounded, but a walk never
 * trusts it.
 */
export function firstMalformedField(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (isMalformedText(current)) return path || 'body';
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const childPath = path ? `${path}.${key}` : key;
        if (isMalformedText(key)) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return undefined;
}

export function malformedTextError(field: string): ValidationError {
  return new ValidationError([
    { field: isMalformedText(field) ? 'body' : field, messages: ['Ce texte contient un caractère invalide (caractère nul ou caractère Unicode incomplet).'] },
  ]);
}
