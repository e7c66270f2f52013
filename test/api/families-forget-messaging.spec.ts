import { ERASED_TEXT } from '#ardoise/messaging';
import { ProjectionRunner } from '#ardoise/projections';
import { seedDemoTown } from '#ardoise/composition';
import { ALL_PROJECTORS } from '#ardoise/composition';
import { anActiveFamily, staff } from './support/families-fixtures.js';
import type { HttpClient } from './support/http-client.js';
import { tablesContaining } from './support/table-scan.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await seedDemoTown(app.app, { info: () => undefined } as never);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n');

function upload(client: HttpClient, requestId: string, content: Buffer, fileName: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), fileName);
  return fetch(`${app.baseUrl}/api/v1/requests/${requestId}/attachments`, {
    method: 'POST',
    body: form,
    headers: {
      cookie: `ardoise_session=${client.cookie('ardoise_session')}; XSRF-TOKEN=${client.cookie('XSRF-TOKEN')}`,
      'x-xsrf-token': client.cookie('XSRF-TOKEN')!,
    },
  });
}

const thread = (client: HttpClient, id: string, ready: (t: Json) => boolean) =>
  eventually(async () => {
    const response = await client.get(`/requests/${id}`);
    if (response.status !== 200) return undefined;
    const body = await bodyOf(response);
    return ready(body) ? body : undefined;
  });

describe('RGPD erasure of a family that wrote to the town', () => {
  it('after forgetting a family that opened a request with a file and was e-mailed, nothing of it remains, events included, and every projection rebuilds', async () => {
    const db = app.infrastructure.db;
    const email = 'ombeline.quenouillard@example.fr';
    const { familyId, parent } = await anActiveFamily(app, email, { familyName: 'Quenouillard', guardian: 'Ombeline', child: 'Eulalinette' });
    const kept = await anActiveFamily(app, 'famille.conservee@example.fr', { familyName: 'Conservatoire', child: 'Perpetua' });
    const agent = await staff(app, 'agent');

    // The family writes: a subject, a message and a file that all name it.
    const opened = await parent.post('/requests', {
      topic: 'qf_proof',
      subject: 'Attestation CAF Quenouillard',
      body: 'Voici le justificatif de Mme Ombeline Quenouillard.',
    });
    expect(opened.status).toBe(201);
    const { requestId } = await bodyOf(opened);
    expect((await upload(parent, requestId, PDF, 'avis-imposition-Quenouillard.pdf')).status).toBe(201);
    expect((await agent.post(`/requests/${requestId}/messages`, { body: 'Merci Madame Quenouillard, quotient mis à jour (Capucinette).' })).status).toBe(201);
    const keptRequest = (await bodyOf(await kept.parent.post('/requests', { topic: 'other', subject: 'Question Conservatoire', body: 'Bonjour de Perpetua.' })))
      .requestId;

    // The staff reply is e-mailed to the family; it reads a news item (a read mark of its login).
    const reply = await eventually(async () => {
      const rows = await db.selectFrom('mail_outbox').selectAll().where('to', '=', email).where('template', '=', 'request-reply').execute();
      return rows[0];
    });
    expect(reply.text).toContain('Attestation CAF Quenouillard');
    const news = await bodyOf(
      await agent.post('/news', { kind: 'message', title: 'Fermeture du centre', body: 'Le centre ferme le 1er mai.', audience: { scope: 'all' } }),
    );
    const newsId = news.newsId ?? news.id;
    await eventually(async () => (await parent.post(`/news/${newsId}/read`)).status < 300);
    const account = await db.selectFrom('accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    expect(await db.selectFrom('news_reads').select('news_id').where('account_id', '=', account.id).execute()).toHaveLength(1);

    const seen = await thread(agent, requestId, (t) => t.messages.length === 2 && t.attachments.length === 1);
    expect(seen).toMatchObject({ subject: 'Attestation CAF Quenouillard', erased: false });
    expect(seen.attachments[0].fileName).toBe('avis-imposition-Quenouillard.pdf');

    // What people wrote never reaches the event log in clear: sealed with the family's key.
    const written = ['Attestation CAF Quenouillard', 'Ombeline Quenouillard', 'avis-imposition-Quenouillard', 'Capucinette'];
    for (const text of written) {
      const tables = await tablesContaining(db, text);
      expect({ text, inEvents: tables.includes('public.events') }).toEqual({ text, inEvents: false });
      expect(tables.length).toBeGreaterThan(0); // the scan finds the read-model copies
    }

    const admin = await staff(app, 'admin');
    expect((await admin.delete(`/admin/families/${familyId}`)).status).toBe(204);

    // Done when the erasure answers: no e-mail, no file, no read mark, no readable thread.
    expect(await db.selectFrom('mail_outbox').select('id').where('family_id', '=', familyId).execute()).toEqual([]);
    expect(await db.selectFrom('attachments').select('id').where('family_id', '=', familyId).execute()).toEqual([]);
    expect(await db.selectFrom('news_reads').select('news_id').where('account_id', '=', account.id).execute()).toEqual([]);
    expect((await agent.get(`/requests/${requestId}/attachments/${seen.attachments[0].id}`)).status).toBe(404);
    const erased = await bodyOf(await agent.get(`/requests/${requestId}`));
    expect(erased).toMatchObject({ subject: ERASED_TEXT, erased: true, topic: 'qf_proof', status: 'open' });
    expect(erased.messages.map((m: Json) => [m.author, m.body, m.erased])).toEqual([
      ['family', ERASED_TEXT, true],
      ['staff', ERASED_TEXT, true],
    ]);
    expect(erased.attachments[0]).toMatchObject({ fileName: ERASED_TEXT, erased: true, downloadPath: null });

    const secrets = ['Quenouillard', 'Ombeline', 'Eulalinette', 'Capucinette', email];
    await eventually(async () => (await bodyOf(await admin.get(`/families/${familyId}`))).erased === true);
    for (const secret of secrets) expect({ secret, tables: await tablesContaining(db, secret) }).toEqual({ secret, tables: [] });

    // Every read model rebuilt from the log: it succeeds and the family stays erased, the other intact.
    const runner = app.app.get(ProjectionRunner);
    for (const projector of ALL_PROJECTORS) await runner.rebuild(projector.name);
    for (const secret of secrets) expect({ secret, tables: await tablesContaining(db, secret) }).toEqual({ secret, tables: [] });
    expect(await bodyOf(await agent.get(`/requests/${requestId}`))).toMatchObject({ subject: ERASED_TEXT, erased: true });
    const other = await thread(agent, keptRequest, () => true);
    expect(other).toMatchObject({ subject: 'Question Conservatoire', erased: false });
    expect(other.messages[0].body).toBe('Bonjour de Perpetua.');
  }, 120_000);
});
