import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { AccountStore, DEMO_STAFF } from '#ardoise/identity';
import { ProjectionRunner } from '#ardoise/projections';
import { seedDemoTown } from '#ardoise/composition';
import { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

let app: TestApp;
const silentLogger = { info: () => undefined } as never;

beforeAll(async () => {
  // 1 Mo keeps the oversize scenario light; the default (10 Mo) is the same code path.
  app = await startTestApp({ env: { ATTACHMENT_MAX_MB: '1' } });
  await seedDemoTown(app.app, silentLogger);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

/** Files as phones and scanners produce them: only their first bytes matter to the type check. */
const FILES = {
  pdf: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  heic: Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.from([0, 0, 0, 0]), Buffer.from('mif1heic'), Buffer.alloc(64, 7)]),
  exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(0x3a), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(0x40), Buffer.from('PE\0\0'), Buffer.alloc(200)]),
};

async function signIn(email: string, password: string): Promise<HttpClient> {
  const client = new HttpClient(app.baseUrl);
  const response = await client.post('/auth/login', { email, password });
  expect(response.status).toBe(200);
  return client;
}
const staff = (role: string) => {
  const member = DEMO_STAFF.find((s) => s.role === role)!;
  return signIn(member.email, member.password);
};

/** A parent login of a family of its own (the families context's activation is tested on its own). */
async function aParent(email: string): Promise<{ client: HttpClient; familyId: string }> {
  const familyId = randomUUID();
  await app.app.get(AccountStore).create({ email, password: 'Cantine-du-lundi-2026', role: 'parent', displayName: 'Parent', familyId });
  return { client: await signIn(email, 'Cantine-du-lundi-2026'), familyId };
}

/** A multipart upload as a browser sends it (session cookie + CSRF header). */
function upload(client: HttpClient, requestId: string, content: Buffer, fileName: string, declaredType = 'application/octet-stream') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)], { type: declaredType }), fileName);
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

const repliesTo = async (to: string) =>
  app.infrastructure.db.selectFrom('mail_outbox').selectAll().where('to', '=', to).where('template', '=', 'request-reply').execute();

describe('"Mes demandes": a thread between a family and the town', () => {
  let martin: { client: HttpClient; familyId: string };
  let requestId: string;

  beforeAll(async () => {
    martin = await aParent('claire.martin@example.fr');
  });

  it('a parent sends a QF proof as a PDF and a phone photo; an agent replies; the family is e-mailed once and downloads its file', async () => {
    const opened = await martin.client.post('/requests', { topic: 'qf_proof', subject: 'Mon attestation CAF 2026', body: 'Bonjour, voici mon attestation.' });
    expect(opened.status).toBe(201);
    requestId = (await bodyOf(opened)).requestId;

    const pdf = await upload(martin.client, requestId, FILES.pdf, 'attestation-caf.pdf', 'application/pdf');
    expect(pdf.status).toBe(201);
    expect(await bodyOf(pdf)).toMatchObject({ mediaType: 'application/pdf', size: FILES.pdf.length });
    // A photo from an iPhone, sent without a proper type or name: recognised by its content.
    const photo = await upload(martin.client, requestId, FILES.heic, 'IMG_0042');
    expect(photo.status).toBe(201);
    expect((await bodyOf(photo)).mediaType).toBe('image/heic');

    const agent = await staff('agent');
    const seen = await thread(agent, requestId, (t) => t.attachments.length === 2);
    expect(seen).toMatchObject({ familyId: martin.familyId, topic: 'qf_proof', status: 'open', openedBy: 'family', lastAuthor: 'family' });
    expect(seen.messages.map((m: Json) => [m.author, m.body])).toEqual([['family', 'Bonjour, voici mon attestation.']]);
    expect(seen.attachments.map((a: Json) => a.fileName)).toEqual(['attestation-caf.pdf', 'IMG_0042']);

    expect((await agent.post(`/requests/${requestId}/messages`, { body: 'Merci, votre quotient est mis à jour.' })).status).toBe(201);
    const answered = await thread(martin.client, requestId, (t) => t.messages.length === 2);
    expect(answered.lastAuthor).toBe('staff');

    const mails = await eventually(async () => {
      const rows = await repliesTo('claire.martin@example.fr');
      return rows.length > 0 ? rows : undefined;
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ subject: 'Réponse à votre demande', family_id: martin.familyId, status: 'held' });
    expect(mails[0].text).toContain('« Mon attestation CAF 2026 »');
    expect(mails[0].text).toContain(`/demandes/${requestId}`);
    // The family's own messages e-mail nobody.
    expect(await app.infrastructure.db.selectFrom('mail_outbox').select('id').where('to', '!=', 'claire.martin@example.fr').execute()).toHaveLength(0);

    const download = await martin.client.get(seen.attachments[0].downloadPath);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain('attachment;');
    expect(Buffer.from(await download.arrayBuffer()).equals(FILES.pdf)).toBe(true);
    const forAgent = await (await staff('agent')).get(seen.attachments[1].downloadPath);
    expect(forAgent.status).toBe(200);
    // Files are for the family and the agents: not for auditors (health-data-access.spec.ts).
    expect((await (await staff('auditor')).get(seen.attachments[1].downloadPath)).status).toBe(403);
  });

  it('a closed request takes no message until it is reopened', async () => {
    expect((await martin.client.post(`/requests/${requestId}/close`)).status).toBe(204);
    const refused = await martin.client.post(`/requests/${requestId}/messages`, { body: 'Encore une chose.' });
    expect(refused.status).toBe(422);
    expect(await bodyOf(refused)).toMatchObject({ code: 'REQUEST.CLOSED', title: 'Cette demande est close : rouvrez-la pour écrire.' });
    expect((await upload(martin.client, requestId, FILES.pdf, 'autre.pdf')).status).toBe(422);
    expect((await martin.client.post(`/requests/${requestId}/reopen`)).status).toBe(204);
    expect((await martin.client.post(`/requests/${requestId}/messages`, { body: 'Encore une chose.' })).status).toBe(201);
    await thread(martin.client, requestId, (t) => t.status === 'open' && t.messages.length === 3);
  });

  it('refuses a program renamed as a PDF, and a file over the size limit, with a clear French message', async () => {
    const exe = await upload(martin.client, requestId, FILES.exe, 'avis-imposition.pdf', 'application/pdf');
    expect(exe.status).toBe(415);
    expect(await bodyOf(exe)).toMatchObject({
      code: 'ATTACHMENT.TYPE_REFUSED',
      title: 'Ce fichier n’est pas accepté : envoyez un PDF ou une photo (JPEG, PNG ou HEIC).',
    });
    const text = await upload(martin.client, requestId, Buffer.from('juste du texte'), 'photo.jpg', 'image/jpeg');
    expect(text.status).toBe(415);

    const big = Buffer.concat([FILES.pdf, Buffer.alloc(1024 * 1024 + 10, 0x20)]);
    const oversize = await upload(martin.client, requestId, big, 'scan.pdf', 'application/pdf');
    expect(oversize.status).toBe(413);
    expect(await bodyOf(oversize)).toMatchObject({ code: 'ATTACHMENT.TOO_LARGE' });
    expect((await bodyOf(await upload(martin.client, requestId, big, 'scan.pdf'))).title).toMatch(/^Le fichier est trop volumineux : 1 Mo au maximum\./);

    const missing = await martin.client.post(`/requests/${requestId}/attachments`, { file: 'x' });
    expect(missing.status).toBe(400);

    // Nothing refused was stored.
    const t = await thread(martin.client, requestId, () => true);
    expect(t.attachments).toHaveLength(2);
    expect(await app.infrastructure.db.selectFrom('attachments').select('id').where('request_id', '=', requestId).execute()).toHaveLength(2);
  });

  it('opens a request with its file in one go (multipart), or not at all when the file is refused', async () => {
    const family = await aParent('anne.dupont@example.fr');
    const openWith = (content: Buffer, fileName: string, subject: string) => {
      const form = new FormData();
      form.append('topic', 'certificate');
      form.append('subject', subject);
      form.append('body', 'Bonjour, voici le certificat médical de Léa.');
      form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), fileName);
      return fetch(`${app.baseUrl}/api/v1/requests`, {
        method: 'POST',
        body: form,
        headers: {
          cookie: `ardoise_session=${family.client.cookie('ardoise_session')}; XSRF-TOKEN=${family.client.cookie('XSRF-TOKEN')}`,
          'x-xsrf-token': family.client.cookie('XSRF-TOKEN')!,
        },
      });
    };
    const countOpened = async () =>
      Number((await sql<{ n: string }>`SELECT count(*) AS n FROM events WHERE type = 'RequestOpened'`.execute(app.infrastructure.db)).rows[0]!.n);
    const before = await countOpened();

    const refused = await openWith(FILES.exe, 'certificat.pdf', 'Certificat refusé');
    expect(refused.status).toBe(415);
    expect(await countOpened()).toBe(before); // no request without its file

    const accepted = await openWith(FILES.pdf, 'certificat.pdf', 'Certificat médical');
    expect(accepted.status).toBe(201);
    const { requestId: opened, attachmentId } = await bodyOf(accepted);
    expect(attachmentId).toEqual(expect.any(String));
    const t = await thread(family.client, opened, (body) => body.attachments.length === 1 && body.messages.length === 1);
    expect(t.subject).toBe('Certificat médical');
    expect(t.attachments[0]).toMatchObject({ fileName: 'certificat.pdf', mediaType: 'application/pdf' });
  });

  it('another family cannot read the thread, write to it, nor download its files (404, as if it did not exist)', async () => {
    const other = await aParent('paul.durand@example.fr');
    const file = (await thread(martin.client, requestId, () => true)).attachments[0];
    for (const response of [
      await other.client.get(`/requests/${requestId}`),
      await other.client.get(file.downloadPath),
      await other.client.post(`/requests/${requestId}/messages`, { body: 'Coucou' }),
      await other.client.post(`/requests/${requestId}/close`),
      await upload(other.client, requestId, FILES.pdf, 'x.pdf'),
    ]) {
      expect(response.status).toBe(404);
      expect((await bodyOf(response)).code).toBe('REQUEST.NOT_FOUND');
    }
    expect(await bodyOf(await other.client.get('/requests'))).toEqual([]);
    expect((await bodyOf(await martin.client.get('/requests'))).map((r: Json) => r.id)).toEqual([requestId]);
    expect((await other.client.get(`/requests?familyId=${martin.familyId}`)).status).toBe(404);
    expect((await new HttpClient(app.baseUrl).get(file.downloadPath)).status).toBe(401);
  });

  it('staff open a request for a family; auditors and finance read but never write', async () => {
    const agent = await staff('agent');
    const opened = await agent.post('/requests', {
      familyId: martin.familyId,
      topic: 'proof_of_address',
      subject: 'Justificatif de domicile',
      body: 'Merci de nous envoyer un justificatif de moins de 3 mois.',
    });
    expect(opened.status).toBe(201);
    const { requestId: asked } = await bodyOf(opened);
    expect((await thread(martin.client, asked, () => true)).openedBy).toBe('staff');
    expect((await agent.post('/requests', { topic: 'other', subject: 'x', body: 'y' })).status).toBe(400);
    const auditor = await staff('auditor');
    expect((await auditor.get(`/requests/${asked}`)).status).toBe(200);
    expect((await auditor.post(`/requests/${asked}/messages`, { body: 'x' })).status).toBe(403);
    expect((await (await staff('finance')).post(`/requests/${asked}/messages`, { body: 'x' })).status).toBe(403);
  });

  it('every reply e-mail is produced exactly once, even when the notifications are rebuilt from the whole log', async () => {
    const agent = await staff('agent');
    expect((await agent.post(`/requests/${requestId}/messages`, { body: 'Deuxième réponse.' })).status).toBe(201);
    await eventually(async () => (await repliesTo('claire.martin@example.fr')).length === 2);
    const before = await app.infrastructure.db.selectFrom('mail_outbox').select(['id', 'dedupe_key']).orderBy('id').execute();

    const generation = await app.app.get(ProjectionRunner).rebuild('notifications');
    expect(generation.generation).toBeGreaterThan(1);

    const after = await app.infrastructure.db.selectFrom('mail_outbox').select(['id', 'dedupe_key']).orderBy('id').execute();
    expect(after).toEqual(before);
    expect(await repliesTo('claire.martin@example.fr')).toHaveLength(2);
    // The rebuilt projection still knows the threads: a new reply after the rebuild is e-mailed (once).
    expect((await agent.post(`/requests/${requestId}/messages`, { body: 'Troisième réponse.' })).status).toBe(201);
    await eventually(async () => (await repliesTo('claire.martin@example.fr')).length === 3);
  });

  it("a rebuild writes no e-mail about a fact older than three days (no mail about last year's news)", async () => {
    const replies = await repliesTo('claire.martin@example.fr');
    const oldest = replies.map((r) => r.dedupe_key as string).sort()[0]!;
    // The reply was "recorded" ten days ago, and its e-mail never made it to the outbox.
    await app.infrastructure.db.transaction().execute(async (trx) => {
      await sql`ALTER TABLE events DISABLE TRIGGER events_append_only`.execute(trx);
      await sql`UPDATE events SET recorded_at = now() - interval '10 days' WHERE event_id = ${oldest}::uuid`.execute(trx);
      await sql`ALTER TABLE events ENABLE TRIGGER events_append_only`.execute(trx);
      await trx.deleteFrom('mail_outbox').where('dedupe_key', '=', oldest).execute();
    });
    await app.app.get(ProjectionRunner).rebuild('notifications');
    const after = await repliesTo('claire.martin@example.fr');
    expect(after).toHaveLength(replies.length - 1);
    expect(after.map((r) => r.dedupe_key)).not.toContain(oldest);
  });
});
