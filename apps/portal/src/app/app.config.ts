import { provideHttpClient, withFetch, withInterceptors, withXsrfConfiguration } from '@angular/common/http';
import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { TitleStrategy, provideRouter, withComponentInputBinding, withInMemoryScrolling } from '@angular/router';
import { routes } from './app.routes';
import { readYourWritesInterceptor } from './core/api';
import { problemInterceptor } from './core/problem.interceptor';
import { PageTitleStrategy } from './layout/page-title.strategy';

// Zoneless change detection is Angular 22's default: no zone.js, state lives in signals.
export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideHttpClient(
      withFetch(),
      // The API's CSRF fence: the XSRF-TOKEN cookie goes back as the X-XSRF-TOKEN header on
      // every same-origin write (Angular's defaults, spelled out so nobody turns them off).
      withXsrfConfiguration({ cookieName: 'XSRF-TOKEN', headerName: 'X-XSRF-TOKEN' }),
      // Read-your-writes inside: it retries a late read before the error becomes an ApiError.
      withInterceptors([problemInterceptor, readYourWritesInterceptor]),
    ),
    provideRouter(routes, withComponentInputBinding(), withInMemoryScrolling({ scrollPositionRestoration: 'enabled', anchorScrolling: 'enabled' })),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
  ],
};
