// The code the password hasher's threads run (password-hasher.ts starts them). Node loads this
// file itself, not through jest's transform: from dist/ once built (JavaScript), from the
// sources when jest runs them (TypeScript, its types stripped by Node). Hence only erasable
// TypeScript here, and no `#ardoise/*` import: those resolve to dist/, which jest does not use.
import { hashSync, verifySync, type Algorithm } from '@node-rs/argon2';

/** A new hash of `password`, or (with `passwordHash`) whether `password` matches it. */
export interface PasswordTask {
  password: string;
  passwordHash?: string;
}

/**
 * argon2id with OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane). `Algorithm` is a
 * const enum, which type stripping cannot inline: 2 is its Argon2id (a hash starts `$argon2id$`).
 */
const ARGON2ID = { algorithm: 2 as Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** The sync functions: this thread is the one that waits, at its low priority, not the event loop. */
export default function runPasswordTask({ password, passwordHash }: PasswordTask): string | boolean {
  if (passwordHash === undefined) return hashSync(password, ARGON2ID);
  try {
    return verifySync(passwordHash, password);
  } catch {
    return false; // not an argon2 hash (a corrupt row): no match
  }
}
