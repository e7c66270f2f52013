import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { backoffDelay, ConflictError, RuleViolationError, ValidationError } from '#ardoise/kernel';
import { currentContext, IdempotencyStore } from '#ardoise/commands';
import { isDatabaseUnavailable } from '#ardoise/database';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const VALID_KEY = /^[\x21-\x7e]{8,255}$/;

/**
 * `Idempotency-Key` on a command: the first response is stored and a retry with the same
 * key and body gets it again (header `Idempotent-Replayed: true`) without acting twice;
 * the same key with another body is refused (422); a retry while the first is still
 * running gets a 409.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(IdempotencyStore) private readonly store: IdempotencyStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const key = request.header('idempotency-key');
    if (!key || !WRITE_METHODS.has(request.method)) return next.handle();
    const successStatus: number = Reflect.getMetadata(HTTP_CODE_METADATA, context.getHandler()) ?? (request.method === 'POST' ? 201 : 200);
    return from(this.handleOnce(request, context.switchToHttp().getResponse<Response>(), key, successStatus, next));
  }

  private async handleOnce(request: Request, response: Response, key: string, successStatus: number, next: CallHandler): Promise<unknown> {
    if (!VALID_KEY.test(key)) {
      throw new ValidationError([{ field: 'Idempotency-Key', messages: ["L'en-tête Idempotency-Key doit compter 8 à 255 caractères imprimables."] }]);
    }
    const requestContext = currentContext();
    const actorId = requestContext.actor.userId;
    const fingerprint = createHash('sha256')
      .update(`${request.method} ${request.originalUrl}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const claim = await this.store.claim(actorId, key, fingerprint);
    switch (claim.kind) {
      case 'replay':
        response.status(claim.status).setHeader('Idempotent-Replayed', 'true');
        return claim.body;
      case 'in_progress':
        throw new ConflictError('IDEMPOTENCY.IN_PROGRESS', 'Cette demande est déjà en cours de traitement.');
      case 'key_reused':
        throw new RuleViolationError('IDEMPOTENCY.KEY_REUSED', 'Cette clé d’idempotence a déjà servi pour une autre demande.');
    }
    requestContext.idempotencyKey = key;
    let body: unknown;
    try {
      body = await lastValueFrom(next.handle(), { defaultValue: undefined });
    } catch (error) {
      // Released so that the same key may be tried again. If the command failed after acting
      // (the connection dropped before the commit's answer), the retry finds its events: the
      // repository and keyed ids (idempotentId) make the second run a no-op.
      // The database gone: answer now (503), release when it is back.
      if (isDatabaseUnavailable(error)) this.retryLater(() => this.store.release(actorId, key));
      else await this.store.release(actorId, key).catch(() => this.retryLater(() => this.store.release(actorId, key)));
      throw error;
    }
    // The command acted: never release its key now, or a retry would act twice. If the answer
    // cannot be stored (the database just went away), keep trying in the background; retries
    // meanwhile get « in progress », then the stored answer.
    await this.store.complete(actorId, key, successStatus, body).catch(() => this.retryLater(() => this.store.complete(actorId, key, successStatus, body)));
    return body;
  }

  /** Retries a write of the idempotency record in the background, for about two minutes (then the claim expires as after a crash). */
  private retryLater(write: () => Promise<void>, attempt = 0): void {
    if (attempt >= 30) return;
    setTimeout(
      () => void write().catch(() => this.retryLater(write, attempt + 1)),
      backoffDelay(attempt + 1, { initialMs: 250, maxMs: 5_000, jitter: 0 }),
    ).unref();
  }
}
