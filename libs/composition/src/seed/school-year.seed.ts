import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { runInContext, systemContext, type Actor, type FixedClock } from '#ardoise/commands';
import { DEMO_SCHOOL_YEAR } from '#ardoise/catalogue';
import { EVENT_STORE, type EventStore, type Position } from '#ardoise/event-store';
import { familyStream, RegisterFamily, type FamilyRegistration } from '#ardoise/families';
import { ProjectionRunner } from '#ardoise/projections';
import { IssueCreditNote, RecordDeskPayment, StartBillingRun } from '#ardoise/invoicing';
import {
  CancelReservation,
  DeclareAbsence,
  JustifyAbsence,
  RecordAttendance,
  RequestReservations,
  ValidateBasket,
  type RequestedSlot,
} from '#ardoise/reservations';
import { CloseRequest, OpenRequest, PostRequestMessage, PublishNews } from '#ardoise/messaging';
import { seedDemoTown } from './demo-town.seed.js';

/**
 * `ardoise seed --scale <town|city> [--seed N]`: a whole school year of a town, written
 * through the same commands as the portal and the back office (deciders, service days,
 * billing runs, invoice commands), on a clock that moves from late August to July:
 *
 * - the demo catalogue, calendar, règlement and tariffs; N families registered by an agent
 *   (1 to 3 children, schools, diets, some allergies);
 * - each month, each family books through its basket (canteen on its usual weekdays, evening
 *   care, Wednesdays, holiday leisure days) and validates it — full days put children on
 *   the waiting list; some days are cancelled in the window, some absences declared and
 *   justified; staff mark attendance for the exceptions (absent, present without booking);
 * - after each month, the billing run issues the invoices; most are paid at the desk, some
 *   get a credit note; the town publishes news and menus; some families open requests that
 *   staff answer and close.
 *
 * Deterministic from `seed` (a small PRNG picks every choice; ids come from the commands).
 */
export const SCALES = {
  /** ≈ 5,000 families. */
  town: { families: 5000 },
  /** A larger town: ≥ 1,000,000 events. */
  city: { families: 12000 },
} as const;
export type Scale = keyof typeof SCALES;

export interface SchoolYearSeedOptions {
  scale: Scale;
  seed: number;
  /** Overrides the scale's number of families (quick runs). */
  families?: number;
  /** Months of the school year to play (default all 10, September to June). */
  months?: number;
  /** Families served at once (default 64: the service days group-commit what arrives together). */
  concurrency?: number;
  log?: (line: string) => void;
}

const MONTHS = ['2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06'];
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Thomas',
  'Petit',
  'Robert',
  'Richard',
  'Durand',
  'Dubois',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Lefebvre',
  'Leroy',
  'Roux',
  'David',
  'Bertrand',
  'Morel',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Vincent',
  'Muller',
  'Lefèvre',
  'Faure',
  'André',
  'Mercier',
  'Blanc',
  'Guérin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'François',
  'Legrand',
  'Gauthier',
  'Garcia',
];
const FIRST_NAMES = [
  'Léa',
  'Hugo',
  'Inès',
  'Louis',
  'Jade',
  'Gabriel',
  'Louise',
  'Raphaël',
  'Emma',
  'Arthur',
  'Alice',
  'Jules',
  'Chloé',
  'Adam',
  'Lina',
  'Maël',
  'Rose',
  'Noah',
  'Anna',
  'Sacha',
  'Mila',
  'Nathan',
  'Zoé',
  'Tom',
];
const ADULT_NAMES = ['Claire', 'Marc', 'Sami', 'Nadia', 'Julien', 'Sophie', 'Karim', 'Isabelle', 'Thomas', 'Aurélie', 'Nicolas', 'Camille'];
const SCHOOLS = [
  ['École élémentaire Jules-Ferry', ['CP', 'CE1', 'CE2', 'CM1', 'CM2']],
  ['École maternelle Les Tilleuls', ['PS', 'MS', 'GS']],
  ['École élémentaire Jean-Moulin', ['CP', 'CE1', 'CE2', 'CM1', 'CM2']],
] as const;
const DIETS = ['standard', 'standard', 'standard', 'sans_porc', 'vegetarien'];

/** mulberry32: small, fast, good enough to pick choices deterministically. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeededChild {
  childId: string;
  /** Weekdays (1 = Monday) of the usual canteen; evening care; Wednesdays; holidays. */
  canteen: number[];
  evening: number[];
  wednesday: boolean;
  holidays: boolean;
}
interface SeededFamily {
  familyId: string;
  children: SeededChild[];
  random: () => number;
}

export interface SchoolYearSeedReport {
  families: number;
  events: number;
  seconds: number;
}

export async function seedSchoolYear(app: INestApplicationContext, clock: FixedClock, options: SchoolYearSeedOptions): Promise<SchoolYearSeedReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const commands = app.get(CommandBus);
  const store = app.get<EventStore>(EVENT_STORE);
  const random = prng(options.seed);
  const familyCount = options.families ?? SCALES[options.scale].families;
  const months = MONTHS.slice(0, options.months ?? MONTHS.length);
  const concurrency = options.concurrency ?? 64;
  const agent: Actor = { userId: 'seed-agent', role: 'agent' };
  const finance: Actor = { userId: 'seed-finance', role: 'finance' };
  const asActor = <T>(actor: Actor, work: () => Promise<T>) => runInContext(systemContext(actor), work);

  clock.set(new Date('2026-08-17T08:00:00Z'));
  await seedDemoTown(app, { info: () => undefined } as never);

  // 1. Families, registered by an agent.
  const registrations = Array.from({ length: familyCount }, (_, i) => familyOf(i, random));
  const families: SeededFamily[] = new Array(familyCount);
  await inParallel(registrations, concurrency, async ({ registration, habits, seed }, i) => {
    const { familyId } = await asActor(agent, () => commands.execute(new RegisterFamily(registration)));
    const ids = await childrenOf(store, familyId);
    families[i] = { familyId, children: ids.map((childId, k) => ({ childId, ...habits[k]! })), random: prng(seed) };
  });
  // The bookings check the children in the families read model: let it catch up (read-your-writes).
  await caughtUp(app, store);
  log(`  ${familyCount} families registered (${Math.round((Date.now() - started) / 1000)} s)`);

  let invoicesFrom: Position | undefined = await lastPosition(store);
  for (const [index, month] of months.entries()) {
    const monthStarted = Date.now();
    // 2. Bookings: a week or two before the month (before every deadline of the règlement).
    clock.set(new Date(`${previousMonth(month)}-14T08:00:00Z`));
    const days = schoolDaysOf(month);
    const holidayDays = holidayDaysOf(month);
    const absences: Array<{ family: SeededFamily; slot: RequestedSlot; justified: boolean }> = [];
    await inParallel(families, concurrency, async (family) => {
      const parent: Actor = { userId: `seed-parent-${family.familyId}`, role: 'parent', familyId: family.familyId };
      const slots: RequestedSlot[] = [];
      for (const child of family.children) {
        for (const date of days) {
          const weekday = weekdayOf(date);
          if (child.canteen.includes(weekday)) slots.push({ childId: child.childId, serviceCode: 'CANTINE', date });
          if (child.evening.includes(weekday)) slots.push({ childId: child.childId, serviceCode: 'SOIR', date });
          if (weekday === 3 && child.wednesday) slots.push({ childId: child.childId, serviceCode: 'MERCREDI', date });
        }
        if (child.holidays) for (const date of holidayDays) if (family.random() < 0.5) slots.push({ childId: child.childId, serviceCode: 'VACANCES', date });
      }
      if (slots.length === 0) return;
      await asActor(parent, async () => {
        await commands.execute(new RequestReservations(family.familyId, slots, true));
        const { lines } = await commands.execute(new ValidateBasket(family.familyId, null));
        for (const line of lines) {
          if (line.outcome !== 'validated') continue;
          const draw = family.random();
          if (draw < 0.03) await commands.execute(new CancelReservation(family.familyId, line, null)).catch(() => undefined);
          else if (draw < 0.06) absences.push({ family, slot: line, justified: family.random() < 0.5 });
        }
      });
    });
    // News and the menus of the first week, published before the month.
    await asActor(agent, async () => {
      await commands.execute(
        new PublishNews({
          kind: 'menu',
          title: `Menus de la première semaine de ${month}`,
          body: 'Les menus de la semaine à la cantine.',
          audience: { scope: 'all' },
          week: daysOf(month).find((d) => weekdayOf(d) === 1)!,
        }),
      );
      await commands.execute(
        new PublishNews({
          kind: 'message',
          title: `Informations de ${month}`,
          body: 'Les informations du mois des services périscolaires.',
          audience: { scope: 'service', serviceCode: 'CANTINE' },
        }),
      );
    });
    // 3. Absences declared during the month; attendance marked for the exceptions.
    clock.set(new Date(`${month}-01T07:00:00Z`));
    await inParallel(absences, concurrency, async ({ family, slot, justified }) => {
      const parent: Actor = { userId: `seed-parent-${family.familyId}`, role: 'parent', familyId: family.familyId };
      await asActor(parent, () => commands.execute(new DeclareAbsence(family.familyId, slot, 'Enfant malade'))).catch(() => undefined);
      if (justified) await asActor(agent, () => commands.execute(new JustifyAbsence(family.familyId, slot, 'certificat médical'))).catch(() => undefined);
    });
    clock.set(new Date(`${lastDayOf(month)}T18:00:00Z`));
    await inParallel(absences, concurrency, ({ slot }) =>
      asActor(agent, () => commands.execute(new RecordAttendance(slot.serviceCode, slot.date, slot.childId, 'absent'))).catch(() => undefined),
    );
    // Requests from a few families, answered and closed by staff.
    const asking = families.filter((f) => f.random() < 0.03);
    await inParallel(asking, concurrency, async (family) => {
      const parent: Actor = { userId: `seed-parent-${family.familyId}`, role: 'parent', familyId: family.familyId };
      const { requestId } = await asActor(parent, () =>
        commands.execute(new OpenRequest(family.familyId, 'certificate', 'Attestation de présence', 'Bonjour, pourriez-vous m’envoyer une attestation ?')),
      );
      await asActor(agent, async () => {
        await commands.execute(new PostRequestMessage(requestId, 'Bonjour, voici votre attestation.'));
        await commands.execute(new CloseRequest(requestId));
      });
    });
    // 4. The billing run of the month, then payments at the desk and a few credit notes.
    clock.set(new Date(`${nextMonth(month)}-01T06:00:00Z`));
    await runInContext(systemContext(finance), () => app.get(CommandBus).execute(new StartBillingRun(month, 'cli', true)));
    const invoices: Array<{ invoiceId: string; totalCents: number; familyId: string }> = [];
    for await (const event of store.readAll({ fromPosition: invoicesFrom, filter: { eventTypes: ['InvoiceIssued'] } })) {
      const data = event.data as { invoiceId: string; totalCents: number; familyId: string };
      invoices.push({ invoiceId: data.invoiceId, totalCents: data.totalCents, familyId: data.familyId });
    }
    invoicesFrom = await lastPosition(store);
    clock.set(new Date(`${nextMonth(month)}-12T09:00:00Z`));
    const bus = app.get(CommandBus);
    const pick = prng(options.seed * 31 + index);
    await inParallel(invoices, concurrency, (invoice) =>
      asActor(finance, async () => {
        const draw = pick();
        if (draw < 0.02) await bus.execute(new IssueCreditNote(invoice.invoiceId, 'whole', 'Erreur de saisie'));
        else if (draw < 0.9 && invoice.totalCents > 0) {
          await bus.execute(
            new RecordDeskPayment(invoice.invoiceId, {
              means: draw < 0.5 ? 'cash' : 'cheque',
              amountCents: invoice.totalCents,
              paidOn: `${nextMonth(month)}-12`,
              reference: null,
            }),
          );
        }
      }),
    );
    log(`  ${month}: ${days.length} school days, ${invoices.length} invoices (${Math.round((Date.now() - monthStarted) / 1000)} s)`);
  }
  await caughtUp(app, store);
  let events = 0;
  for await (const _ of store.readAll()) events++;
  return { families: familyCount, events, seconds: (Date.now() - started) / 1000 };
}

function familyOf(i: number, random: () => number): { registration: FamilyRegistration; habits: Omit<SeededChild, 'childId'>[]; seed: number } {
  const pickOf = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const lastName = pickOf(LAST_NAMES);
  const childCount = random() < 0.4 ? 1 : random() < 0.8 ? 2 : 3;
  const children = Array.from({ length: childCount }, () => {
    const [school, classes] = pickOf(SCHOOLS);
    const birthYear = 2016 + Math.floor(random() * 7);
    return {
      lastName,
      firstName: pickOf(FIRST_NAMES),
      birthDate: `${birthYear}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      school,
      className: pickOf(classes),
      diet: pickOf(DIETS),
      allergies: random() < 0.08 ? 'Arachide' : null,
      pai: random() < 0.05,
    };
  });
  const habits = children.map(() => {
    const fullWeek = random() < 0.7;
    return {
      canteen: fullWeek ? [1, 2, 4, 5] : [1, 2, 4, 5].filter(() => random() < 0.5),
      evening: [1, 2, 4, 5].filter(() => random() < 0.3),
      wednesday: random() < 0.3,
      holidays: random() < 0.25,
    };
  });
  const first = pickOf(ADULT_NAMES);
  const registration: FamilyRegistration = {
    familyName: lastName,
    contactEmail: `famille-${i}@seed.ardoise.test`,
    via: 'agent',
    guardians: {
      responsable1: {
        civility: random() < 0.5 ? 'madame' : 'monsieur',
        lastName,
        firstName: first,
        mobilePhone: `06 ${String(10 + (i % 89)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')} 00 00`,
        email: `famille-${i}@seed.ardoise.test`,
        address: { line1: `${1 + (i % 120)} rue des Écoles`, postalCode: '41120', city: 'Saint-Ardoise' },
      },
    },
    children,
  } as FamilyRegistration;
  return { registration, habits, seed: Math.floor(random() * 2 ** 31) };
}

/** The children of a family as registered (ChildRegistered events of its stream). */
async function childrenOf(store: EventStore, familyId: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const event of store.readStream(familyStream(familyId)))
    if (event.type === 'ChildRegistered') ids.push((event.data as { childId: string }).childId);
  return ids;
}

/** Waits until every read model has passed the end of the log as it is now. */
async function caughtUp(app: INestApplicationContext, store: EventStore): Promise<void> {
  const end = await lastPosition(store);
  if (!end) return;
  const behind = await app.get(ProjectionRunner).waitForPosition(store.positions.encode(end), { timeoutMs: 600_000 });
  if (behind.length > 0) throw new Error(`read models still behind: ${behind.join(', ')}`);
}

async function lastPosition(store: EventStore): Promise<Position | undefined> {
  for await (const event of store.readAll({ direction: 'backwards', maxCount: 1 })) return event.position;
  return undefined;
}

async function inParallel<T>(items: readonly T[], concurrency: number, work: (item: T, index: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index]!, index);
      }
    }),
  );
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const previousMonth = (month: string) => isoDay(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 2, 1))).slice(0, 7);
const nextMonth = (month: string) => isoDay(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1))).slice(0, 7);
const lastDayOf = (month: string) => isoDay(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)));

function daysOf(month: string): string[] {
  const days: string[] = [];
  for (let d = new Date(`${month}-01T12:00:00Z`); isoDay(d).startsWith(month); d = new Date(d.getTime() + 86_400_000)) days.push(isoDay(d));
  return days;
}

const inHolidays = (date: string) =>
  DEMO_SCHOOL_YEAR.holidays.some((h) => (h.zones.length === 0 || h.zones.includes(DEMO_SCHOOL_YEAR.zone)) && date >= h.start && date <= h.end);
const publicHoliday = (date: string) => DEMO_SCHOOL_YEAR.publicHolidays.some((h) => h.date === date);

/** Monday to Friday of the month outside holidays (the commands skip what the calendar closes anyway). */
function schoolDaysOf(month: string): string[] {
  return daysOf(month).filter((d) => ![0, 6].includes(weekdayOf(d)) && !inHolidays(d) && !publicHoliday(d));
}

function holidayDaysOf(month: string): string[] {
  return daysOf(month).filter((d) => ![0, 6].includes(weekdayOf(d)) && inHolidays(d) && !publicHoliday(d));
}
