import 'reflect-metadata';
import { CommandBus } from '@nestjs/cqrs';
import { PasswordHasher } from '#ardoise/identity';
import { openRushTown, registerFamilies, waitForChildren } from './rush.bench.js';

/**
 * The API of `ardoise bench rush --open-loop`, in a process of its own (forked by
 * rush-open-loop.bench.ts): the rush town's composition (createApp, projections running in
 * it as with ARDOISE_ROLE=all, the clock on the morning after the opening), listening on an
 * ephemeral port. It registers the families and their parent accounts (setup, not measured),
 * then tells its parent where it listens; the load generator stays in the parent, so this
 * process's CPU and memory are the API's alone. A `stop` message closes it.
 *
 * Parent → child: argv [databaseUrl, families, password]; `{ stop: true }`.
 * Child → parent: `{ log }` lines, then `{ ready: { base, registered, children } }`, or `{ failed }`.
 */
export interface RushApiReady {
  base: string;
  registered: string[];
  children: Array<[familyId: string, childId: string]>;
}

export type RushApiMessage = { log: string } | { ready: RushApiReady } | { failed: string };

async function main(): Promise<void> {
  const [databaseUrl, familiesArg, password] = process.argv.slice(2);
  if (!databaseUrl || !familiesArg || !password || !process.send) throw new Error('usage: forked with <databaseUrl> <families> <password>');
  const send = (message: RushApiMessage) => process.send!(message);
  const log = (line: string) => send({ log: line });
  const families = Number.parseInt(familiesArg, 10);
  const { app, infrastructure, base, close } = await openRushTown(databaseUrl);
  // exit (not just close) once closed: --cpu-prof writes its profile at exit
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void close().finally(() => process.exit(0));
  };
  process.on('message', (message: { stop?: boolean }) => {
    if (message.stop) stop();
  });
  process.once('disconnect', stop); // the bench process is gone: no API left behind
  const registered = await registerFamilies(app.get(CommandBus), families, log);
  const children = await waitForChildren(infrastructure.pool, registered);
  const hash = await app.get(PasswordHasher).hash(password); // one hash for all: setup, not measured
  await infrastructure.pool.query(
    `INSERT INTO accounts (id, email, password_hash, role, family_id, display_name)
     SELECT gen_random_uuid(), 'parent' || i || '@rush.bench.example.org', $2, 'parent', family_id, 'Famille ' || i
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(family_id, i)`,
    [registered, hash],
  );
  log(`${families} parent accounts created (setup, not measured)`);
  send({ ready: { base, registered, children: [...children] } });
}

main().catch((error: unknown) => {
  process.send?.({ failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RushApiMessage);
  process.exit(1);
});
