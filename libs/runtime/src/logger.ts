import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';
import { peekContext } from '#ardoise/commands';

/**
 * JSON logs, one line per entry, each carrying the correlation id of the request that
 * caused it. Never log personal data: log ids, types and codes, not names, e-mails or bodies.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: 'ardoise' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const context = peekContext();
      return context ? { correlationId: context.correlationId } : {};
    },
  });
}

/** NestJS's logger interface on top of pino. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}
  log(message: unknown, context?: string) {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string) {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string) {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string) {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string) {
    this.logger.trace({ context }, String(message));
  }
}
