import express from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { jsonDepthExceeds, TooDeepError } from './malformed-input.js';
import { wellFormedBody } from './well-formed-input.middleware.js';

/** One limit for every JSON or form body (the largest form, a family with its children, is a few kB). */
const BODY_LIMIT = '100kb';

/**
 * The body parsers, in place of Nest's defaults: JSON deeper than MAX_JSON_DEPTH is refused
 * by a scan of the raw bytes before JSON.parse, and every parsed body is checked for
 * malformed strings before routing, so that no validator, transformer or query ever walks it.
 */
export function useBodyParsers(app: NestExpressApplication): void {
  app.use(
    express.json({
      limit: BODY_LIMIT,
      verify: (_request, _response, raw) => {
        if (jsonDepthExceeds(raw)) throw new TooDeepError();
      },
    }),
  );
  // PayFIP's notifications are forms; qs bounds their depth itself.
  app.use(express.urlencoded({ limit: BODY_LIMIT, extended: true }));
  app.use(wellFormedBody);
}
