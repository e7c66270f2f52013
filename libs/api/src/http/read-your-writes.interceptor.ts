import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { from, switchMap, tap, type Observable } from 'rxjs';
import { peekContext } from '#ardoise/commands';
import { ProjectionRunner, READS_FROM_KEY, ReadModelsBehindError, ReadsFrom } from '#ardoise/projections';
import { AppConfig } from '#ardoise/runtime';

/** Response header of a command: the store position of the last event it appended. */
export const POSITION_HEADER = 'Ardoise-Position';
/** Request header of a query: answer only from read models that have passed this position. */
export const MIN_POSITION_HEADER = 'Ardoise-Min-Position';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export { ReadsFrom };

/**
 * Read-your-writes at the HTTP edge (see docs/projections.md):
 * - a command (POST/PUT/PATCH/DELETE) that appended events answers `Ardoise-Position`;
 * - a query (GET) sent with `Ardoise-Min-Position` waits, at most READ_YOUR_WRITES_TIMEOUT_MS
 *   (2 s by default), until the read models it reads have passed that position; else 503
 *   problem+json with `Retry-After`. A malformed position is a 400.
 */
@Injectable()
export class ReadYourWritesInterceptor implements NestInterceptor {
  constructor(
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(AppConfig) private readonly config: AppConfig,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    if (WRITE_METHODS.has(request.method)) {
      return next.handle().pipe(
        tap(() => {
          const position = peekContext()?.appendedPosition;
          if (position && !response.headersSent) response.setHeader(POSITION_HEADER, position);
        }),
      );
    }
    const wanted = request.header(MIN_POSITION_HEADER);
    if (request.method !== 'GET' || !wanted) return next.handle();
    const projections = this.reflector.getAllAndOverride<string[] | undefined>(READS_FROM_KEY, [context.getHandler(), context.getClass()]);
    // A query of the event log itself (@ReadsFrom() with no name) waits for no read model.
    if (projections && projections.length === 0) return next.handle();
    return from(this.waitFor(wanted.trim(), projections, response)).pipe(switchMap(() => next.handle()));
  }

  private async waitFor(position: string, projections: string[] | undefined, response: Response): Promise<void> {
    const behind = await this.runner.waitForPosition(position, { projections, timeoutMs: this.config.READ_YOUR_WRITES_TIMEOUT_MS });
    if (behind.length === 0) return;
    const error = new ReadModelsBehindError(behind);
    response.setHeader('Retry-After', String(error.retryAfterSeconds));
    throw error;
  }
}
