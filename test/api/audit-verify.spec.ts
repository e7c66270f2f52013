import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { sql } from 'kysely';
import { AggregateRepository, runInContext, systemContext } from '#ardoise/commands';
import { AuditAnchors, verifySignedReport, type SignedReport, type VerificationReport } from '#ardoise/audit';
import { DefineService } from '#ardoise/catalogue';
import { DEMO_STAFF } from '#ardoise/identity';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

async function signIn(app: TestApp, role: string): Promise<HttpClient> {
  const member = DEMO_STAFF.find((s) => s.role === role)!;
  const client = new HttpClient(app.baseUrl);
  expect((await client.post('/auth/login', { email: member.email, password: member.password })).status).toBe(200);
  return client;
}

/**
 * Rebuilding every read model on 2 shared cores took close to 3 minutes under load: a bound that
 * catches a job that never ends, not a slow machine (this is not a timing test).
 */
const JOB_BOUND_MS = 600_000;
/** Live traffic during the rebuild: paced so that it does not itself starve the rebuild of CPU, and bounded. */
const TRAFFIC_PACE_MS = 50;
const TRAFFIC_MAX_SERVICES = 1_000;

/** Starts a job through the API and polls it to its end (the way the portal shows progress). */
async function runJob(client: HttpClient, path: string, body: unknown, progress: unknown[] = []): Promise<Json> {
  const started = await client.post(path, body);
  expect(started.status).toBe(202);
  const job = await bodyOf(started);
  expect(job).toMatchObject({ status: 'running', id: expect.any(String) });
  return eventually(async () => {
    const current = await bodyOf(await client.get(`/audit/jobs/${job.id}`));
    if (current.progress) progress.push(current.progress);
    return current.status === 'running' ? undefined : current;
  }, JOB_BOUND_MS);
}

/** Appends plain facts to a stream (the repository fills metadata and the hash chain). */
async function aStream(app: TestApp, streamId: string, events: number): Promise<void> {
  const repository = app.app.get(AggregateRepository);
  for (let i = 0; i < events; i++) {
    await repository.record(streamId, [{ type: 'ProbeFact', data: { step: i } }], systemContext({ userId: 'agent-3', role: 'agent' }));
  }
}

/** Runs SQL on the events table with its append-only trigger lifted, as a tamperer with database access would. */
async function tamper(app: TestApp, statements: string[]): Promise<void> {
  await app.infrastructure.db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE events DISABLE TRIGGER events_append_only`.execute(trx);
    for (const statement of statements) await sql.raw(statement).execute(trx);
    await sql`ALTER TABLE events ENABLE TRIGGER events_append_only`.execute(trx);
  });
}

const eventOf = async (app: TestApp, streamId: string, revision: number) =>
  (
    await sql<{ id: string; hash: string }>`SELECT event_id::text AS id, hash FROM events WHERE stream_id = ${streamId} AND revision = ${revision}`.execute(
      app.infrastructure.db,
    )
  ).rows[0]!;

describe('rebuild and verify the read models', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
    await seedDemoTown(app.app, { info: () => undefined } as never);
  }, 180_000);
  afterAll(async () => {
    await app?.close();
  });

  it('a rebuild of every read model under live traffic ends with verify reporting no difference', async () => {
    const admin = await signIn(app, 'admin');
    const commands = app.app.get(CommandBus);
    let running = true;
    let defined = 0;
    const traffic = (async () => {
      while (running && defined < TRAFFIC_MAX_SERVICES) {
        await runInContext(systemContext({ userId: 'agent-1', role: 'agent' }), () =>
          commands.execute(new DefineService({ code: `LIVE${defined}`, label: `Atelier ${defined}`, kind: 'leisure_day', weekdays: [3], dailyCapacity: 12 })),
        );
        defined += 1;
        await new Promise((resolve) => setTimeout(resolve, TRAFFIC_PACE_MS)); // steady traffic, not a tight loop
      }
    })();
    try {
      await eventually(async () => defined >= 20);
      const progress: Json[] = [];
      const rebuild = await runJob(admin, '/audit/rebuilds', { all: true }, progress);
      expect(rebuild).toMatchObject({ status: 'succeeded', kind: 'rebuild', error: null });
      expect(Object.keys(rebuild.result.generations)).toContain('catalogue-services');
      expect(rebuild.result.generations['catalogue-services']).toBeGreaterThan(1);

      // Verified while the traffic goes on: compared at the live generation's checkpoint.
      const during = await runJob(admin, '/audit/verifications', { kind: 'read-models' });
      expect(during.status).toBe('succeeded');
      expect(during.result.projections.filter((p: Json) => !p.equal)).toEqual([]);
      expect(during.result.ok).toBe(true);
    } finally {
      running = false;
      await traffic;
    }
    const services = await eventually(async () => {
      const rows = await bodyOf(await admin.get('/catalogue/services'));
      return (rows as unknown as unknown[]).length >= defined + 5 ? rows : undefined;
    });
    expect((services as unknown as unknown[]).length).toBe(defined + 5);
    const after = await runJob(admin, '/audit/verifications', { kind: 'read-models', projection: 'catalogue-services' });
    const catalogue = after.result.projections[0];
    expect(catalogue).toMatchObject({ projection: 'catalogue-services', equal: true, problem: null });
    expect(catalogue.tables[0]).toMatchObject({
      table: 'catalogue_services',
      liveRows: defined + 5,
      rebuiltRows: defined + 5,
      onlyInLive: 0,
      onlyInRebuilt: 0,
    });
    expect(catalogue.tables[0].liveChecksum).toBe(catalogue.tables[0].rebuiltChecksum);
  }, 1_800_000); // three jobs, each within JOB_BOUND_MS

  it('verify accepts a checkpoint past the projection’s last own event (a rebuild checkpoints at the end of its shared read)', async () => {
    const admin = await signIn(app, 'admin');
    await aStream(app, 'probe-checkpoint', 1); // an event no projector reads
    const { store } = app.infrastructure;
    let last: string | undefined;
    for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) last = store.positions.encode(event.position);
    await sql`UPDATE projection_generations SET position = ${last!} WHERE projection = 'catalogue-services' AND status = 'active'`.execute(
      app.infrastructure.db,
    );
    const checked = await runJob(admin, '/audit/verifications', { kind: 'read-models', projection: 'catalogue-services' });
    expect(checked.result.projections[0]).toMatchObject({ projection: 'catalogue-services', equal: true, problem: null, position: last });
  }, 120_000);

  it('verify names the table that no longer matches what the events say', async () => {
    const admin = await signIn(app, 'admin');
    await sql`UPDATE catalogue_services SET label = 'Libellé modifié à la main' WHERE code = 'CANTINE'`.execute(app.infrastructure.db);
    await sql`DELETE FROM catalogue_services WHERE code = 'MATIN'`.execute(app.infrastructure.db);
    const job = await runJob(admin, '/audit/verifications', { kind: 'read-models', projection: 'catalogue-services' });
    expect(job.result.ok).toBe(false);
    expect(job.result.projections[0].tables[0]).toMatchObject({ table: 'catalogue_services', equal: false, onlyInLive: 1, onlyInRebuilt: 2 });
    expect(job.result.projections[0].tables[0].liveRows).toBe(job.result.projections[0].tables[0].rebuiltRows - 1);
    // The API stores no row contents (they may hold personal data).
    expect(job.result.projections[0].tables[0].samples).toBeUndefined();
  }, 200_000);

  it('rebuild is admin-only; the auditor runs a verification, follows every job and downloads a signed report', async () => {
    const auditor = await signIn(app, 'auditor');
    expect((await auditor.post('/audit/rebuilds', { projection: 'catalogue-services' })).status).toBe(403);
    const verification = await runJob(auditor, '/audit/verifications', { kind: 'chain' });
    expect(verification).toMatchObject({ kind: 'verify-chain', status: 'succeeded', result: { ok: true } });
    const jobs = await bodyOf(await auditor.get('/audit/jobs'));
    expect((jobs as unknown as Json[]).map((j) => j.kind)).toEqual(expect.arrayContaining(['rebuild', 'verify-read-models', 'verify-chain']));

    const download = await auditor.get(`/audit/jobs/${verification.id}/report`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="ardoise-verification-chaine-\d{4}-\d{2}-\d{2}\.json"$/);
    const signed = (await download.json()) as SignedReport<VerificationReport>;
    expect(signed.report.verification).toMatchObject({ jobId: verification.id, kind: 'chain', verdict: 'intact' });
    // The report lists the log's anchors as they are (none yet here: the interval is the default).
    const anchors = (await bodyOf(await auditor.get('/audit/anchors'))).anchors as Json[];
    expect(signed.report.anchors.list.map((a) => a.hash)).toEqual(anchors.map((a) => a.hash));
    expect(verifySignedReport(signed)).toBe(true);
    // The key is the instance's, published apart; one changed byte breaks the signature.
    expect((await bodyOf(await auditor.get('/audit/report-key'))).keyFingerprint).toBe(signed.signature.keyFingerprint);
    expect(verifySignedReport({ ...signed, report: { ...signed.report, verification: { ...signed.report.verification, verdict: 'broken' } } })).toBe(false);
    // Outside Ardoise: the whole log exported, checked with the report by the standalone script.
    const folder = mkdtempSync(join(tmpdir(), 'ardoise-audit-'));
    writeFileSync(join(folder, 'log.ndjson'), await (await auditor.get('/audit/export')).text());
    writeFileSync(join(folder, 'report.json'), JSON.stringify(signed));
    const checked = spawnSync(process.execPath, ['scripts/check-audit-files.mjs', join(folder, 'log.ndjson'), join(folder, 'report.json')], {
      encoding: 'utf8',
    });
    expect(checked.stdout).toContain('signature valid');
    expect({ status: checked.status, out: checked.stdout.split('\n').at(-2) }).toEqual({ status: 0, out: '✓ everything checks' });
    writeFileSync(join(folder, 'report.json'), JSON.stringify({ ...signed, report: { ...signed.report, issuedTo: 'someone-else' } }));
    expect(
      spawnSync(process.execPath, ['scripts/check-audit-files.mjs', join(folder, 'log.ndjson'), join(folder, 'report.json')], { encoding: 'utf8' }).status,
    ).toBe(1);
    rmSync(folder, { recursive: true, force: true });
    // A rebuild has no verification report.
    const rebuild = (jobs as unknown as Json[]).find((j) => j.kind === 'rebuild')!;
    expect((await bodyOf(await auditor.get(`/audit/jobs/${rebuild.id}/report`))).code).toBe('AUDIT.NOT_A_VERIFICATION');
    const admin = await signIn(app, 'admin');
    expect((await bodyOf(await admin.post('/audit/rebuilds', { projection: 'nope' }))).code).toBe('AUDIT.UNKNOWN_PROJECTION');
    expect((await admin.post('/audit/verifications', { kind: 'everything' })).status).toBe(400);
    expect((await admin.get('/audit/jobs/not-a-uuid')).status).toBe(400);
  }, 200_000);
});

describe('tamper evidence: verify --chain', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUDIT_ANCHOR_INTERVAL: '4' } });
    await seedDemoTown(app.app, { info: () => undefined } as never);
    for (const stream of ['auditprobe-edited', 'auditprobe-deleted', 'auditprobe-reordered']) await aStream(app, stream, 4);
    await app.app.get(AuditAnchors).extend();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('an untouched log verifies, streams and anchors', async () => {
    const admin = await signIn(app, 'admin');
    const job = await runJob(admin, '/audit/verifications', { kind: 'chain' });
    expect(job.result).toMatchObject({ ok: true, breaks: [], anchorBreak: null });
    expect(job.result.eventsChecked).toBeGreaterThanOrEqual(12);
    expect(job.result.anchorsChecked).toBeGreaterThanOrEqual(3);
    const anchors = await bodyOf(await (await signIn(app, 'auditor')).get('/audit/anchors'));
    expect(anchors.every).toBe(4);
    expect(anchors.anchors.length).toBe(job.result.anchorsChecked);
  }, 200_000);

  it('finds a hand-edited event, a deleted event and a reordered event, each by stream, revision and event id', async () => {
    const edited = await eventOf(app, 'auditprobe-edited', 1);
    const afterDeleted = await eventOf(app, 'auditprobe-deleted', 3);
    const movedDown = await eventOf(app, 'auditprobe-reordered', 1);
    await tamper(app, [
      `UPDATE events SET data = '{"step": 100}' WHERE stream_id = 'auditprobe-edited' AND revision = 1`,
      `DELETE FROM events WHERE stream_id = 'auditprobe-deleted' AND revision = 2`,
      `UPDATE events SET revision = 1000 WHERE stream_id = 'auditprobe-reordered' AND revision = 1`,
      `UPDATE events SET revision = 1 WHERE stream_id = 'auditprobe-reordered' AND revision = 2`,
      `UPDATE events SET revision = 2 WHERE stream_id = 'auditprobe-reordered' AND revision = 1000`,
    ]);
    const admin = await signIn(app, 'admin');
    const job = await runJob(admin, '/audit/verifications', { kind: 'chain' });
    expect(job.result.ok).toBe(false);
    const byStream = Object.fromEntries(job.result.breaks.map((b: Json) => [b.streamId, b]));
    expect(job.result.brokenStreams).toBe(3);
    expect(byStream['auditprobe-edited']).toMatchObject({ kind: 'hash-mismatch', revision: 1, eventId: edited.id, stored: edited.hash });
    expect(byStream['auditprobe-edited'].expected).toMatch(/^[0-9a-f]{64}$/);
    expect(byStream['auditprobe-edited'].expected).not.toBe(edited.hash);
    expect(byStream['auditprobe-deleted']).toMatchObject({ kind: 'missing-event', revision: 2, eventId: afterDeleted.id, expected: '2', stored: '3' });
    // Revision 1's event now claims revision 2 and comes first: named where revision 1 was expected.
    expect(byStream['auditprobe-reordered']).toMatchObject({ kind: 'out-of-order', revision: 1, eventId: movedDown.id, expected: '1', stored: '2' });
    // The deletion also shifted the running hash over $all: an anchor no longer holds.
    expect(job.result.anchorBreak).toMatchObject({ sequence: expect.any(Number), expected: expect.stringMatching(/^[0-9a-f]{64}$/) });
  }, 200_000);
});

describe('tamper evidence: what only the anchors over $all can see', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { AUDIT_ANCHOR_INTERVAL: '3' } });
    await seedDemoTown(app.app, { info: () => undefined } as never);
    // Make the log end exactly on an anchor: its last event is then the anchored one.
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM events`.execute(app.infrastructure.db);
    await aStream(app, 'auditprobe-truncated', 3 + ((3 - (rows[0]!.n % 3)) % 3));
    await app.app.get(AuditAnchors).extend();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the last event of a stream deleted leaves every stream chain intact, but the log is shorter than its last anchor', async () => {
    const anchors = await app.app.get(AuditAnchors).list();
    const last = anchors[anchors.length - 1]!;
    const lastEvent = await sql<{ event_id: string }>`SELECT event_id::text FROM events ORDER BY transaction_id DESC, global_position DESC LIMIT 1`.execute(
      app.infrastructure.db,
    );
    expect(last.lastEventId).toBe(lastEvent.rows[0]!.event_id);
    await tamper(app, [`DELETE FROM events WHERE event_id = '${last.lastEventId}'`]);
    const job = await runJob(await signIn(app, 'admin'), '/audit/verifications', { kind: 'chain' });
    expect(job.result.breaks).toEqual([]);
    expect(job.result.ok).toBe(false);
    expect(job.result.anchorBreak).toMatchObject({ sequence: last.sequence, eventCount: last.eventCount, foundPosition: '' });
  }, 200_000);
});
