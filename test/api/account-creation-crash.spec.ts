import type { EventData, ExpectedRevision, RecordedEvent } from '#ardoise/event-store';
import { seedDemoTown } from '#ardoise/composition';
import { anActivation, invite, PARENT_PASSWORD, signIn } from './support/families-fixtures.js';
import { HttpClient } from './support/http-client.js';
import { eventually, startTestApp, type TestApp } from './support/test-app.js';

/**
 * A login and the facts that name it are written together or not at all, whatever fails
 * between the two writes (decision 0012): here the process "dies" at the append of the
 * family's events, then restarts on the same database.
 */
const silentLogger = { info: () => undefined } as never;

async function streamEvents(app: TestApp, streamId: string): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  try {
    for await (const event of app.infrastructure.store.readStream(streamId)) events.push(event);
  } catch {
    // a missing stream: no events
  }
  return events;
}

/** The store of this app fails once on the family's stream: `after` the append went through, or before it. */
function crashAtFamilyAppend(app: TestApp, familyId: string, when: 'before' | 'after'): void {
  const store = app.infrastructure.store;
  const append = store.append.bind(store);
  let crashed = false;
  store.append = async (streamId: string, events: EventData[], options: { expectedRevision: ExpectedRevision }) => {
    if (crashed || streamId !== `family-${familyId}`) return append(streamId, events, options);
    crashed = true;
    if (when === 'after') await append(streamId, events, options);
    throw new Error('the process died here');
  };
}

async function loginsOf(app: TestApp, familyId: string): Promise<string[]> {
  const rows = await app.infrastructure.db.selectFrom('accounts').select('id').where('family_id', '=', familyId).execute();
  return rows.map((r) => r.id as string);
}

describe.each(['after', 'before'] as const)('a crash %s the append of a new family’s events', (when) => {
  let first: TestApp | undefined;
  let restarted: TestApp | undefined;
  afterAll(async () => {
    await first?.close();
    await restarted?.close();
  });

  it('after a restart, the login exists with its FamilyAccountCreated and AccountCreated, and the parent signs in', async () => {
    first = await startTestApp({ keepDatabase: true });
    await seedDemoTown(first.app, silentLogger);
    const email = `panne.${when}@example.fr`;
    const { familyId, token } = await invite(first, email, 'Panne');
    crashAtFamilyAppend(first, familyId, when);
    await new HttpClient(first.baseUrl).post(`/activations/${token}`, anActivation(email, { familyName: 'Panne' }));
    const database = first.database;
    await first.close();
    first = undefined;

    restarted = await startTestApp({ database });
    const app = restarted;
    const created = await eventually(async () => (await streamEvents(app, `family-${familyId}`)).find((e) => e.type === 'FamilyAccountCreated'), 30_000);
    const logins = await loginsOf(app, familyId);
    expect(logins).toHaveLength(1);
    expect((created.data as { loginAccountId: string }).loginAccountId).toBe(logins[0]);
    const accountEvents = await eventually(async () => {
      const events = await streamEvents(app, `account-${logins[0]}`);
      return events.length > 0 && events;
    }, 30_000);
    expect(accountEvents.map((e) => e.type)).toEqual(['AccountCreated']);
    expect((await streamEvents(app, `family-${familyId}`)).filter((e) => e.type === 'FamilyAccountCreated')).toHaveLength(1);
    await signIn(app, email, PARENT_PASSWORD);
  }, 120_000);
});
