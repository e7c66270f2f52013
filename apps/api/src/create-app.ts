import { NestFactory } from '@nestjs/core';
import { ExpressAdapter, type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { Logger } from 'pino';
import { systemClock, type Clock } from '#ardoise/commands';
import { NestPinoLogger, type Infrastructure } from '#ardoise/runtime';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { IdempotencyInterceptor } from './http/idempotency.interceptor.js';
import { ReadYourWritesInterceptor } from './http/read-your-writes.interceptor.js';
import { portalStatic } from './http/portal-static.js';
import { ProblemDetailsFilter } from './http/problem-details.filter.js';
import { requestContextMiddleware } from './http/request-context.middleware.js';
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
    { logger: new NestPinoLogger(logger), bodyParser: true },
  );
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestContextMiddleware(logger));
  app.use(cookieParser());
  app.use(portalStatic(infrastructure.config.PORTAL_DIR));
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalFilters(new ProblemDetailsFilter(logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalInterceptors(app.get(ReadYourWritesInterceptor), app.get(IdempotencyInterceptor));

  const openApi = new DocumentBuilder()
    .setTitle('Ardoise API')
    .setDescription('Portail famille des services périscolaires : commandes et requêtes. Erreurs en application/problem+json (RFC 9457).')
    .setVersion('1')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    useGlobalPrefix: false,
    jsonDocumentUrl: 'api/docs-json',
  });
  await app.init();
  return app;
}
