import type { CatalogueReader } from '#ardoise/catalogue';
import { FixedClock, runInContext, systemContext } from '#ardoise/commands';
import type { FamilyChildrenReader } from '#ardoise/families';
import { NotFoundError } from '#ardoise/kernel';
import type { Baskets } from '../../basket/baskets.js';
import type { ServiceDayWriter } from '../../service-day/service-day-writer.js';
import { eveningCare, schoolCalendar } from '../../testing/evening-care.js';
import { RequestReservations } from './request-reservations.command.js';
import { RequestReservationsHandler } from './request-reservations.handler.js';

const calendar = schoolCalendar;
const atelier = eveningCare();
const CLARA = '6f1c1d2e-0000-4000-8000-000000000001';

/** Every read the handler starts, in order; the children read held until the test lets it go. */
function aHandler(options: { childOf: string; booked?: boolean }) {
  const reads: string[] = [];
  let releaseChildren!: () => void;
  const childrenHeld = new Promise<void>((resolve) => (releaseChildren = resolve));
  const children = {
    find: async () => {
      reads.push('children');
      await childrenHeld;
      reads.push('children read');
      return new Map([[CLARA, { childId: CLARA, familyId: options.childOf }]]);
    },
  } as unknown as FamilyChildrenReader;
  const baskets = {
    current: async () => (reads.push('basket'), { pending: new Map() }),
    handle: async (_familyId: string, command: { lines: unknown[] }) => ({
      state: { pending: new Map() },
      events: command.lines.map((data) => ({ type: 'ReservationRequested', data })),
      nextRevision: 0n,
      replayed: false,
    }),
  } as unknown as Baskets;
  const catalogue = {
    calendar: async () => (reads.push('calendar'), calendar),
    service: async (code: string) => {
      reads.push(`service ${code}`);
      if (code !== 'ATELIER') throw new NotFoundError('SERVICE.NOT_FOUND', 'Prestation introuvable.');
      return atelier;
    },
  } as unknown as CatalogueReader;
  const days = {
    liveReservationOf: async (stream: string) => (reads.push(`day ${stream}`), options.booked ? 'r0' : undefined),
  } as unknown as ServiceDayWriter;
  const handler = new RequestReservationsHandler(baskets, catalogue, children, days, new FixedClock(new Date('2026-12-01T10:00:00Z')));
  const request = (serviceCode = 'ATELIER') =>
    runInContext(systemContext({ userId: 'parent-1', role: 'parent', familyId: 'f1' }), () =>
      handler.execute(new RequestReservations('f1', [{ childId: CLARA, serviceCode, date: '2026-12-10' }], false)),
    );
  return { reads, releaseChildren, request };
}

describe('putting a day in the basket reads the prestation and the day alongside the children', () => {
  it('the prestation and the day are read while the children are being read, not one after the other', async () => {
    const { reads, releaseChildren, request } = aHandler({ childOf: 'f1' });
    const requested = request();
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toEqual(expect.arrayContaining(['children', 'service ATELIER', 'calendar', 'basket', 'day service_day-ATELIER-2026-12-10']));
    expect(reads).not.toContain('children read');
    releaseChildren();
    expect((await requested).added).toHaveLength(1);
  });

  it('a child booked on that day already is refused, as before', async () => {
    const { releaseChildren, request } = aHandler({ childOf: 'f1', booked: true });
    const requested = request();
    releaseChildren();
    await expect(requested).rejects.toMatchObject({ code: 'RESERVATION.ALREADY_BOOKED' });
  });

  it('a child of another family is not found, whatever the reads started beside it found (an unknown prestation included)', async () => {
    const { releaseChildren, request } = aHandler({ childOf: 'f2' });
    const requested = request('INCONNU');
    releaseChildren();
    await expect(requested).rejects.toMatchObject({ code: 'CHILD.NOT_FOUND' });
  });
});
