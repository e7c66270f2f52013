import type { Browser } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { startApi, type RunningApi, type StartApiOptions } from './api-process.js';
import { launchBrowser } from './browser.js';

export interface PortalWorld {
  readonly api: RunningApi;
  readonly browser: Browser;
  /** The fresh database's URL (a test may seed it directly). */
  readonly databaseUrl: string;
}

/**
 * For a describe block: the built API on a fresh database and a headless Chromium, started
 * before its tests and stopped after them. `env` goes to the API (e.g. SEED_DEMO);
 * `{ publicUrl: false }` leaves PUBLIC_URL unset, as `./dev start` does.
 */
export function aPortalOnAFreshDatabase(env?: Record<string, string>, options: Pick<StartApiOptions, 'publicUrl'> = {}): PortalWorld {
  let database: TestDatabase | undefined;
  let api: RunningApi | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startApi({ databaseUrl: database.url, env, readyTimeoutMs: 75_000, ...options });
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await database?.drop();
  }, 30_000);

  return {
    get api() {
      if (!api) throw new Error('the API is not started yet (use it inside a test)');
      return api;
    },
    get databaseUrl() {
      if (!database) throw new Error('the database is not created yet (use it inside a test)');
      return database.url;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not launched yet (use it inside a test)');
      return browser;
    },
  };
}
