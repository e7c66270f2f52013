const minutes = (n: number) => n * 60_000;

/** Where one counts: the client's address, or the signed-in account (a stolen session changes address). */
export type RateLimitTracker = 'client' | 'account';

export interface RateLimitPolicy {
  limit: number;
  /** Milliseconds of the counting window. */
  ttl: number;
  /** Milliseconds a key waits once past the limit. */
  blockDuration: number;
  tracker: RateLimitTracker;
}

/**
 * The endpoints that send e-mails, check a password or take files, and how often each may
 * be called. Generous for a person, short for a script. Every other endpoint is not
 * counted (an opening rush must not pay for it).
 */
export const RATE_LIMIT_POLICIES = {
  /** « Mot de passe oublié » from one address (the e-mails to one address have their own cap). */
  'password-reset': { limit: 10, ttl: minutes(15), blockDuration: minutes(15), tracker: 'client' },
  /** Checks of the current password (change of password or of login e-mail), per account. */
  'password-check': { limit: 5, ttl: minutes(15), blockDuration: minutes(15), tracker: 'account' },
  /** Invitations that send an e-mail (families, second guardians), per account. */
  invitations: { limit: 60, ttl: minutes(10), blockDuration: minutes(10), tracker: 'account' },
  /** Files attached to requests, per account. */
  uploads: { limit: 20, ttl: minutes(10), blockDuration: minutes(10), tracker: 'account' },
} satisfies Record<string, RateLimitPolicy>;

export type RateLimitName = keyof typeof RATE_LIMIT_POLICIES;

export const RATE_LIMITED_KEY = 'ardoise:rate-limited';

/** Reset e-mails one address receives at most per hour, whoever asks (the answer does not change). */
export const RESET_MAILS_PER_ADDRESS = { limit: 3, ttl: minutes(60) };
