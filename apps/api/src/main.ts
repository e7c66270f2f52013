import 'reflect-metadata';
import { ConfigurationError, createLogger, loadConfig, startInfrastructure } from '#ardoise/runtime';
import { createApp } from '#ardoise/api';
import { ALL_MIGRATIONS, seedDemoTown } from '#ardoise/composition';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const infrastructure = await startInfrastructure(config, logger, ALL_MIGRATIONS);
  const app = await createApp(infrastructure, logger);
  if (config.seedDemo) await seedDemoTown(app, logger);
  await app.listen(config.PORT);
  logger.info(
    { port: config.PORT, role: config.ARDOISE_ROLE, eventStore: infrastructure.adapter, embedded: config.embedded },
    `Ardoise est prête sur http://localhost:${config.PORT}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await app.close(); // stops HTTP intake and the projection runners
    await infrastructure.stop(); // then the connections and the embedded database
    clearTimeout(force);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ConfigurationError) {
    console.error(error.message);
  } else {
    console.error('Ardoise n’a pas pu démarrer :', error instanceof Error ? error.stack : error);
  }
  process.exit(1);
});
