import { createHash } from 'node:crypto';
import { applyDecorators, Inject, Injectable, SetMetadata, UseGuards, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Request } from 'express';
import { frenchDelay, TooManyRequestsError } from '#ardoise/kernel';
import { clientNetwork } from '../sessions/client-network.js';
import type { Session } from '../sessions/session-store.js';
import { RATE_LIMIT_POLICIES, RATE_LIMITED_KEY, type RateLimitName, type RateLimitPolicy } from './rate-limit-policies.js';

/** The ThrottlerStorage every process shares (PostgresThrottlerStorage). */
export const RATE_LIMIT_STORAGE = Symbol('ardoise.RATE_LIMIT_STORAGE');

const trackers: Record<RateLimitPolicy['tracker'], (request: Request & { session?: Session }) => string> = {
  client: (request) => `client:${clientNetwork(request.ip)}`,
  account: (request) => (request.session ? `account:${request.session.account.id}` : `client:${clientNetwork(request.ip)}`),
};

/**
 * Counts each call to a @RateLimited route in the shared store, as @nestjs/throttler's
 * ThrottlerGuard does (same storage contract, same key scheme: a hash of route, policy and
 * tracker), and answers past the limit with a French problem+json 429 and `Retry-After`.
 * Applied per route, after the access guard, so a policy can count per signed-in account.
 *
 * Not ThrottlerGuard itself: @nestjs/throttler is CommonJS requiring the ESM-only NestJS 12,
 * which Node 22 runs but jest cannot load (jest's require(esm) needs Node 24.9).
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(RATE_LIMIT_STORAGE) private readonly storage: ThrottlerStorage,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const names = this.reflector.get<RateLimitName[] | undefined>(RATE_LIMITED_KEY, context.getHandler()) ?? [];
    const request = context.switchToHttp().getRequest<Request & { session?: Session }>();
    for (const name of names) {
      const policy: RateLimitPolicy = RATE_LIMIT_POLICIES[name];
      const tracker = trackers[policy.tracker](request);
      const key = createHash('sha256').update(`${context.getClass().name}-${context.getHandler().name}-${name}-${tracker}`).digest('hex');
      const record = await this.storage.increment(key, policy.ttl, policy.limit, policy.blockDuration, name);
      if (record.isBlocked) {
        const seconds = Math.max(1, record.timeToBlockExpire);
        throw new TooManyRequestsError('REQUEST.TOO_MANY', `Trop de demandes en peu de temps. Réessayez dans ${frenchDelay(seconds)}.`, seconds);
      }
    }
    return true;
  }
}

/** Counts calls to this route under the named policies (rate-limit-policies.ts). */
export const RateLimited = (...names: RateLimitName[]) => applyDecorators(SetMetadata(RATE_LIMITED_KEY, names), UseGuards(RateLimitGuard));
