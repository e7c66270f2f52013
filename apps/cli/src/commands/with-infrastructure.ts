import type { Logger } from 'pino';
import { createLogger, loadConfig, startInfrastructure, type Infrastructure } from '#ardoise/runtime';
import { ALL_MIGRATIONS } from '#ardoise/composition';

/** Runs a CLI command against the configured (or embedded) database, then closes it. */
export async function withInfrastructure<T>(work: (infrastructure: Infrastructure, logger: Logger) => Promise<T>): Promise<T> {
  // Operator tools may read the whole log in one statement (verify, export): no statement limit unless asked.
  const config = loadConfig({
    DATABASE_QUERY_TIMEOUT_MS: '0',
    ...process.env,
    ARDOISE_ROLE: 'api',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  });
  const logger = createLogger(config.LOG_LEVEL);
  const infrastructure = await startInfrastructure(config, logger, ALL_MIGRATIONS);
  const interrupt = () => {
    console.error('Interrompu : arrêt propre de la base…');
    void infrastructure.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  try {
    return await work(infrastructure, logger);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
    await infrastructure.stop();
  }
}
