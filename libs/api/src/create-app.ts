import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '#ardoise/commands';
import { NestPinoLogger, type Infrastructure } from '#ardoise/runtime';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { apiNotFound } from './http/api-not-found.middleware.js';
import { useBodyParsers } from './http/input/body-parsers.js';
import { wellFormedUrl } from './http/input/well-formed-input.middleware.js';
import { completeDocument } from './openapi/complete-document.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { ReadYourWritesInterceptor } from './http/read-your-writes.interceptor.js';
import { portalStatic } from './http/portal-static.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { databaseAvailabilityMiddleware } from './http/database-availability.middleware.js';
import { requestContextMiddleware } from './http/request-context.middleware.js';
import { securityHeaders } from './http/security-headers.js';
import { createValidationPipe } from './http/validation.pipe.js';

export const API_PREFIX = 'api/v1';

/** Builds the HTTP application (API under /api/v1, OpenAPI under /api/docs, portal at /). */
export async function createApp(
  infrastructure: Infrastructure,
  logger: Logger,
  options: { clock?: Clock; extraModules?: AppModuleOptions['extraModules'] } = {},
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.register({ infrastructure, logger, clock: options.clock ?? systemClock, extraModules: options.extraModules }),
    new ExpressAdapter(),
    { logger: new NestPinoLogger(logger), bodyParser: false },
  );
  app.disable('x-powered-by');
  // request.ip is the client's address: X-Forwarded-For counts only from the proxies in TRUST_PROXY.
  app.set('trust proxy', infrastructure.config.trustProxy);
  app.set('query parser', 'simple');
  app.use(requestContextMiddleware(logger));
  app.use(securityHeaders({ https: infrastructure.config.publicUrl.startsWith('https://') }));
  app.use(compression());
  app.use(databaseAvailabilityMiddleware(infrastructure.availability, API_PREFIX));
  app.use(wellFormedUrl);
  app.use(cookieParser());
  app.use(portalStatic(infrastructure.config.PORTAL_DIR));
  useBodyParsers(app);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalFilters(new ProblemDetailsFilter(logger, infrastructure.availability));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(app.get(ReadYourWritesInterceptor), app.get(IdempotencyInterceptor));

  const openApi = new DocumentBuilder()
    .setTitle('Ardoise API')
    .setDescription('Portail famille des services périscolaires : commandes et requêtes. Erreurs en application/problem+json (RFC 9457).')
    .setVersion('1')
    .build();
  SwaggerModule.setup('api/docs', app, () => completeDocument(SwaggerModule.createDocument(app, openApi)), {
    useGlobalPrefix: false,
    jsonDocumentUrl: 'api/docs-json',
  });
  await app.init();
  app.use(apiNotFound); // after every route and mounted router (the PayFIP sandbox)
  infrastructure.availability.start();
  return app;
}
