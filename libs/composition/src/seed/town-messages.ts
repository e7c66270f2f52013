import { inParallel } from '#ardoise/kernel';
import { CloseRequest, OpenRequest, PostRequestMessage, PublishNews } from '#ardoise/messaging';
import { daysOf, weekdayOf } from './school-calendar.js';
import { AGENT, asActor, parentOf, type SeedRun } from './seed-run.js';
import type { SeededFamily } from './town-families.js';

/** Before the month: the menus of its first week, and the month's news for the canteen's families. */
export async function publishMonthNews(run: SeedRun, month: string): Promise<void> {
  await asActor(AGENT, async () => {
    await run.commands.execute(
      new PublishNews({
        kind: 'menu',
        title: `Menus de la première semaine de ${month}`,
        body: 'Les menus de la semaine à la cantine.',
        audience: { scope: 'all' },
        week: daysOf(month).find((d) => weekdayOf(d) === 1)!,
      }),
    );
    await run.commands.execute(
      new PublishNews({
        kind: 'message',
        title: `Informations de ${month}`,
        body: 'Les informations du mois des services périscolaires.',
        audience: { scope: 'service', serviceCode: 'CANTINE' },
      }),
    );
  });
}

/** A few families (drawn one after the other) ask for a certificate; staff answer and close the request. */
export async function answerRequests(run: SeedRun, families: readonly SeededFamily[]): Promise<void> {
  const asking = families.filter((family) => family.random() < 0.03);
  await inParallel(asking, run.concurrency, async (family) => {
    const { requestId } = await asActor(parentOf(family), () =>
      run.commands.execute(new OpenRequest(family.familyId, 'certificate', 'Attestation de présence', 'Bonjour, pourriez-vous m’envoyer une attestation ?')),
    );
    await asActor(AGENT, async () => {
      await run.commands.execute(new PostRequestMessage(requestId, 'Bonjour, voici votre attestation.'));
      await run.commands.execute(new CloseRequest(requestId));
    });
  });
}
