import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Logger } from 'pino';
import { ConflictError } from '#ardoise/kernel';
import { runInContext, systemContext } from '#ardoise/commands';
import { DEMO_SERVICES, DefineService, seedDemoCatalogueRules } from '#ardoise/catalogue';
import { AccountReader, CreateStaffAccount, DEMO_STAFF } from '#ardoise/identity';
import { DEMO_FAMILIES, RegisterFamily } from '#ardoise/families';
import { seedDemoTariffs } from '#ardoise/invoicing';
import { seededUuid } from './seeded-random.js';

const SEED_ACTOR = { userId: 'seed', role: 'system' } as const;

/**
 * Seeds the demo town through the same commands as everyone else (so every fact is an
 * event with its metadata). Safe to run again: what exists already is left as it is.
 */
export async function seedDemoTown(app: INestApplicationContext, logger: Logger): Promise<{ created: number }> {
  const commands = app.get(CommandBus);
  const accounts = app.get(AccountReader);
  let created = 0;
  await runInContext(systemContext(SEED_ACTOR), async () => {
    for (const service of DEMO_SERVICES) {
      try {
        await commands.execute(new DefineService(service));
        created++;
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    await seedDemoCatalogueRules(commands);
    await seedDemoTariffs(app);
    for (const member of DEMO_STAFF) {
      if (await accounts.emailInUse(member.email)) continue;
      await commands.execute(new CreateStaffAccount(member));
      created++;
    }
    for (const family of DEMO_FAMILIES) {
      if (family.login && (await accounts.emailInUse(family.login.email))) continue;
      // Named after its login: the same demo town has the same family ids (and the school-year seed, the same log).
      await commands.execute(
        new RegisterFamily({ ...family, familyId: family.familyId ?? (family.login ? seededUuid('demo family', family.login.email) : undefined) }),
      );
      created++;
    }
  });
  logger.info({ created }, 'demo town seeded');
  return { created };
}
