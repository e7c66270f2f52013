import type { RunningPostgres } from '../../libs/database/src/embedded-postgres.js';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as { __ardoisePostgres?: RunningPostgres }).__ardoisePostgres;
  if (server) await server.stop();
}
