import { Algorithm, hash, verify } from '@node-rs/argon2';

/** argon2id with OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane). */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Verified against when the e-mail is unknown, so that a wrong e-mail costs the same time
 * as a wrong password (no account enumeration by timing).
 */
export const DECOY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$8ssmfzn+SZGdNJaE2fCN1g$VMPSE0cEWgsxFQoeTHg8IgM9bbc8/ZAOjxBpPf1eKVY';
