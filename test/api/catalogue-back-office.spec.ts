import { jest } from '@jest/globals';
import { FixedClock } from '#ardoise/commands';
import { MAILER, type Mailer } from '#ardoise/runtime';
import { seedDemoTown } from '#ardoise/composition';
import { childrenOf, signInParent, signInStaff } from './reservations-world.js';
import type { HttpClient } from './support/http-client.js';
import { bodyOf, eventually, startTestApp, type Json, type TestApp } from './support/test-app.js';

// Tuesday 1 December 2026, 10:00 in Paris.
const clock = new FixedClock(new Date('2026-12-01T09:00:00Z'));
let app: TestApp;
let agent: HttpClient;
let martin: { client: HttpClient; familyId: string; lea: string };
let bernard: { client: HttpClient; familyId: string; ines: string };
const silentLogger = { info: () => undefined } as never;
// Each scenario waits on projections: room for a busy machine.
jest.setTimeout(60_000);

beforeAll(async () => {
  app = await startTestApp({ clock });
  await seedDemoTown(app.app, silentLogger);
  agent = await signInStaff(app, 'agent');
  const m = await signInParent(app, 'claire.martin@demo.ardoise.fr');
  const b = await signInParent(app, 'sami.bernard@demo.ardoise.fr');
  martin = { ...m, lea: (await childrenOf(app.infrastructure.db, m.familyId, 2))[0].child_id };
  bernard = { ...b, ines: (await childrenOf(app.infrastructure.db, b.familyId, 1))[0].child_id };
  await eventually(async () => (await app.infrastructure.db.selectFrom('catalogue_services').select('code').execute()).length === 5);
}, 60_000);
afterAll(async () => {
  await app?.close();
});

const periodCell = async (code: string, date: string) => {
  const view = await bodyOf(await martin.client.get(`/families/${martin.familyId}/children/${martin.lea}/period?view=week&date=${date}`));
  return view.services.find((s: Json) => s.code === code)?.days.find((d: Json) => d.date === date) as Json | undefined;
};

describe('the règlement editor: a live preview, then what parents see', () => {
  const rule = { kind: 'school_days_before', days: 1, at: '12:00' };

  it('previews « le jour d’école précédent à 12 h » without saving it, and the parents’ planning then shows the same deadline', async () => {
    const before = await bodyOf(await agent.get('/catalogue/services/SOIR'));
    const preview = await agent.post('/catalogue/services/SOIR/booking-rules/preview', {
      booking: rule,
      cancellation: rule,
      dates: ['2026-12-10', '2026-12-09'],
    });
    expect(preview.status).toBe(200);
    const [thursday, wednesday] = (await bodyOf(preview)).days as Json[];
    // Thursday 10 December: no school on Wednesday 9, so the school day before is Tuesday 8.
    expect(thursday.booking).toEqual({ at: '2026-12-08T11:00:00.000Z', text: 'Réservable jusqu’au mardi 8 décembre à 12:00' });
    expect(wednesday).toMatchObject({ closedLabel: 'La prestation n’a pas lieu ce jour-là', booking: null });
    expect((await bodyOf(await agent.get('/catalogue/services/SOIR'))).booking).toEqual(before.booking);
    expect((await periodCell('SOIR', '2026-12-10'))?.deadline).toBe('2026-12-09T17:00:00.000Z'); // still « la veille à 18:00 »

    expect((await agent.put('/catalogue/services/SOIR/booking-rules', { season: 'school', booking: rule, cancellation: rule })).status).toBe(204);
    expect(await periodCell('SOIR', '2026-12-10')).toMatchObject({ state: 'free', deadline: thursday.booking.at });
  });

  it('refuses a malformed draft with a French problem naming the field', async () => {
    const response = await agent.post('/catalogue/services/SOIR/booking-rules/preview', {
      booking: { kind: 'school_days_before', days: 0, at: '25:00' },
      dates: ['2026-12-10'],
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const problem = await bodyOf(response);
    expect(JSON.stringify(problem)).toContain('« days » doit être un entier entre 1 et 30.');
  });

  it('« 72 heures avant le début de la séance » needs the session’s start time, and counts from it', async () => {
    const hours = { kind: 'hours_before_start', hours: 72 };
    const refused = await agent.post('/catalogue/services', {
      code: 'ATELIER',
      label: 'Atelier théâtre',
      kind: 'evening_care',
      weekdays: [1, 2, 4, 5],
      dailyCapacity: 1,
    });
    expect(refused.status).toBe(201);
    expect((await agent.put('/catalogue/services/ATELIER/booking-rules', { season: 'school', booking: hours, cancellation: hours })).status).toBe(400);
    const draft = await bodyOf(
      await agent.post('/catalogue/services/ATELIER/booking-rules/preview', { booking: hours, startTime: '16:30', dates: ['2026-12-10'] }),
    );
    expect(draft.days[0].booking.text).toBe('Réservable jusqu’au lundi 7 décembre à 16:30');
    expect((await agent.put('/catalogue/services/ATELIER/session-start', { startTime: '16:30' })).status).toBe(204);
    expect((await bodyOf(await agent.get('/catalogue/services/ATELIER'))).startTime).toBe('16:30');
  });
});

describe('a prestation without a règlement', () => {
  it('cannot be booked until an agent sets its rules (no silent default)', async () => {
    expect(
      (await agent.post('/catalogue/services', { code: 'JUDO', label: 'Judo du soir', kind: 'evening_care', weekdays: [1, 2, 4, 5], dailyCapacity: 12 }))
        .status,
    ).toBe(201);
    const closed = await eventually(async () => periodCell('JUDO', '2026-12-10'));
    expect(closed).toMatchObject({ state: 'closed', canChange: false, deadline: null, closedLabel: 'Le règlement de cette prestation n’est pas encore fixé' });
    const tried = await martin.client.post(`/families/${martin.familyId}/basket/lines`, {
      lines: [{ childId: martin.lea, serviceCode: 'JUDO', date: '2026-12-10' }],
    });
    expect(tried.status).toBe(422);
    expect((await bodyOf(await martin.client.get(`/families/${martin.familyId}/basket`))).lines).toEqual([]);

    const rule = { kind: 'day_before', at: '18:00' };
    expect((await agent.put('/catalogue/services/JUDO/booking-rules', { season: 'school', booking: rule, cancellation: rule })).status).toBe(204);
    expect(await periodCell('JUDO', '2026-12-10')).toMatchObject({ state: 'free', deadline: '2026-12-09T17:00:00.000Z' });
  });
});

describe('raising a capacity gives the places to the waiting children at once', () => {
  const day = '2026-12-10';
  const book = async (family: { client: HttpClient; familyId: string }, childId: string) => {
    await family.client.post(`/families/${family.familyId}/basket/lines`, { lines: [{ childId, serviceCode: 'ATELIER', date: day }] });
    return ((await bodyOf(await family.client.post(`/families/${family.familyId}/basket/validation`, {}))).lines as Json[])[0];
  };

  it('one place, two children: the second waits; the agent raises to 2 and promotes; the family is e-mailed', async () => {
    const hours = { kind: 'hours_before_start', hours: 72 };
    expect((await agent.put('/catalogue/services/ATELIER/booking-rules', { season: 'school', booking: hours, cancellation: hours })).status).toBe(204);
    expect((await book(martin, martin.lea)).outcome).toBe('validated');
    expect((await book(bernard, bernard.ines)).outcome).toBe('waitlisted');

    const waiting = await eventually(async () => {
      const view = await bodyOf(await agent.get(`/service-days/ATELIER/waiting-days?from=2026-12-01&to=2026-12-31`));
      return view.days.length === 1 ? view : undefined;
    });
    expect(waiting.days).toEqual([{ date: day, validated: 1, waitlisted: 1, free: 0 }]);
    const full = await agent.post(`/service-days/ATELIER/${day}/promotions`, {
      reservationId: (await bodyOf(await agent.get(`/service-days/ATELIER/${day}/waiting-list`))).waiting[0].reservationId,
    });
    expect(full.status).toBe(422);

    expect((await agent.put('/catalogue/services/ATELIER/capacity', { dailyCapacity: 2 })).status).toBe(204);
    const promoted = await agent.post('/service-days/ATELIER/promotions', { from: '2026-12-01', to: '2026-12-31' });
    expect(await bodyOf(promoted)).toEqual({ days: 1, promoted: 1 });
    expect(await bodyOf(await agent.post('/service-days/ATELIER/promotions', { from: '2026-12-01', to: '2026-12-31' }))).toEqual({ days: 0, promoted: 0 });

    const told = await eventually(async () => {
      const view = await bodyOf(await agent.get(`/service-days/ATELIER/${day}/promotions`));
      return view.promotions[0]?.mail ? view : undefined;
    });
    expect(told.promotions).toEqual([
      expect.objectContaining({ childId: bernard.ines, firstName: 'Inès', promotedBy: 'agent', mail: { status: 'held', sentAt: null } }),
    ]);
    // The e-mail names the child and the prestation, and goes to the family's address (from the families' and the catalogue's readers).
    const [mail, ...others] = await app.infrastructure.db
      .selectFrom('mail_outbox')
      .select(['to', 'subject', 'text', 'family_id'])
      .where('template', '=', 'waitlist-promotion')
      .execute();
    expect(others).toEqual([]);
    expect(mail).toMatchObject({ to: 'sami.bernard@demo.ardoise.fr', family_id: bernard.familyId, subject: 'Une place s’est libérée' });
    expect(mail!.text).toContain('Inès est inscrit(e) à « Atelier théâtre » le jeudi 10 décembre 2026.');
    await eventually(async () => (await bodyOf(await agent.get('/catalogue/services'))).find((s: Json) => s.code === 'ATELIER')?.dailyCapacity === 2);
  });

  it('a parent may not promote, nor change a capacity', async () => {
    expect((await martin.client.post('/service-days/ATELIER/promotions', { from: '2026-12-01', to: '2026-12-31' })).status).toBe(403);
    expect((await martin.client.put('/catalogue/services/ATELIER/capacity', { dailyCapacity: 50 })).status).toBe(403);
  });
});

describe('e-mails held without SMTP', () => {
  it('cannot be resent while no SMTP server is configured: 409 in French, nothing changes', async () => {
    await app.app
      .get<Mailer>(MAILER)
      .enqueue({ to: 'claire.martin@example.fr', template: 'password-reset', data: { link: 'https://famille.example.fr/r/abc' } });
    const delivery = await bodyOf(await agent.get('/outbox/delivery'));
    expect(delivery.smtpConfigured).toBe(false);
    expect(delivery.held).toBeGreaterThan(0);
    const [held] = (await bodyOf(await agent.get('/outbox?status=held'))).items as Json[];
    const response = await agent.post(`/outbox/${held.id}/resend`, {});
    expect(response.status).toBe(409);
    expect(await bodyOf(response)).toMatchObject({ code: 'OUTBOX.NO_SMTP', title: expect.stringContaining('Aucun serveur d’envoi') });
    expect((await bodyOf(await agent.get(`/outbox/${held.id}`))).status).toBe('held');
  });
});
