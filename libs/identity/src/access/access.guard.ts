import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthenticatedError } from '#ardoise/kernel';
import { currentContext, type Role } from '#ardoise/commands';
import { SessionStore, type Session } from '../sessions/session-store.js';
import { CSRF_HEADER, SESSION_COOKIE } from '../sessions/session-cookies.js';
import { CHANGES_NO_DATA_KEY, PUBLIC_KEY, ROLES_KEY, SELF_SERVICE_KEY } from './access.decorators.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The session behind the request, once the guard has resolved it. */
export type AuthenticatedRequest = Request & { session?: Session };

/**
 * Every endpoint goes through here (a global guard): it resolves the session cookie into
 * the request's actor, then checks, in this order: signed in (401), CSRF token on a
 * cookie-authenticated write (403), role (403), and that an auditor only reads (403).
 * Ownership of a family's data is checked next to the data (access/family-access.ts).
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(SessionStore) private readonly sessions: SessionStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const session = await this.resolve(request);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (!session) throw new UnauthenticatedError('AUTH.UNAUTHENTICATED', 'Vous devez vous connecter.');

    const unsafe = !SAFE_METHODS.has(request.method);
    if (unsafe && !sameToken(request.header(CSRF_HEADER), session.csrfToken)) {
      throw new ForbiddenError('AUTH.CSRF', 'La page a expiré : rechargez-la puis recommencez.');
    }
    const role = session.account.role;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const selfService = this.reflector.getAllAndOverride<boolean>(SELF_SERVICE_KEY, targets);
    if (roles && !roles.includes(role) && !selfService) throw forbidden();
    if (unsafe && role === 'auditor' && !selfService && !this.reflector.getAllAndOverride<boolean>(CHANGES_NO_DATA_KEY, targets)) throw forbidden();
    return true;
  }

  private async resolve(request: AuthenticatedRequest): Promise<Session | undefined> {
    const token = (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE];
    if (!token) return undefined;
    const session = await this.sessions.resolve(token);
    if (!session) return undefined;
    request.session = session;
    // A fresh actor for this request: the context's initial actor may be a shared object
    // (the middleware's anonymous constant), which must never carry one person's identity
    // into another request.
    currentContext().actor = {
      userId: session.account.id,
      role: session.account.role,
      ...(session.account.familyId ? { familyId: session.account.familyId } : {}),
    };
    return session;
  }
}

function forbidden(): ForbiddenError {
  return new ForbiddenError('AUTH.FORBIDDEN', "Vous n'avez pas accès à cette ressource.");
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
