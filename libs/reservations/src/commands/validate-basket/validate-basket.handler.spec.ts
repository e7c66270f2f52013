import type { CatalogueReader } from '#ardoise/catalogue';
import { FixedClock, runInContext, systemContext } from '#ardoise/commands';
import type { Baskets } from '../../basket/baskets.js';
import type { BasketState } from '../../domain/basket.decider.js';
import type { ReservationRef } from '../../domain/reservation-events.js';
import type { ServiceDayWriter } from '../../service-day/service-day-writer.js';
import { serviceDayDecider } from '../../domain/service-day.decider.js';
import { eveningCare, schoolCalendar } from '../../testing/evening-care.js';
import { ValidateBasket } from './validate-basket.command.js';
import { ValidateBasketHandler } from './validate-basket.handler.js';

const calendar = schoolCalendar;
const service = (code: string) => eveningCare(code);
const line = (n: number, serviceCode: string): ReservationRef => ({
  reservationId: `r${n}`,
  familyId: 'f1',
  childId: `c${n}`,
  serviceCode,
  date: '2026-12-10',
});
const basket = (...lines: ReservationRef[]): BasketState => ({ pending: new Map(lines.map((l) => [l.reservationId, l])) });

/** Every read the handler starts, in order, and the basket read held until the test lets it go. */
function aHandler(cached: BasketState | undefined, current: BasketState) {
  const reads: string[] = [];
  let releaseBasket!: () => void;
  const basketHeld = new Promise<void>((resolve) => (releaseBasket = resolve));
  const baskets = {
    cached: () => cached,
    current: async () => {
      reads.push('basket');
      await basketHeld;
      reads.push('basket read');
      return current;
    },
    handle: async () => ({ state: current, events: [], nextRevision: undefined, replayed: false }),
  } as unknown as Baskets;
  const catalogue = {
    calendar: async () => (reads.push('calendar'), calendar),
    service: async (code: string) => (reads.push(`service ${code}`), service(code)),
  } as unknown as CatalogueReader;
  const days = {
    execute: async (_stream: string, command: { line: ReservationRef }) => {
      const events = serviceDayDecider.decide(command as never, serviceDayDecider.initialState());
      return { events, state: events.reduce(serviceDayDecider.evolve, serviceDayDecider.initialState()) };
    },
  } as unknown as ServiceDayWriter;
  const handler = new ValidateBasketHandler(baskets, catalogue, days, new FixedClock(new Date('2026-12-01T10:00:00Z')));
  const validate = () => runInContext(systemContext(), () => handler.execute(new ValidateBasket('f1', null)));
  return { reads, releaseBasket, validate };
}

describe('validating a basket reads the prestations alongside the basket', () => {
  it('the prestations of the lines this process knows are read while the basket is being read, not after it', async () => {
    const lines = [line(1, 'ATELIER'), line(2, 'ETUDE')];
    const { reads, releaseBasket, validate } = aHandler(basket(...lines), basket(...lines));
    const validated = validate();
    await new Promise((resolve) => setImmediate(resolve));
    expect(reads).toEqual(expect.arrayContaining(['basket', 'service ATELIER', 'service ETUDE', 'calendar']));
    expect(reads).not.toContain('basket read');
    releaseBasket();
    const { lines: results } = await validated;
    expect(results.map((r) => r.outcome)).toEqual(['validated', 'validated']);
    expect(reads.filter((r) => r.startsWith('service'))).toHaveLength(2); // each prestation read once
  });

  it('a line another guardian added elsewhere (unknown here) is validated too: its prestation is read once the basket says so', async () => {
    const { reads, releaseBasket, validate } = aHandler(basket(line(1, 'ATELIER')), basket(line(1, 'ATELIER'), line(2, 'ETUDE')));
    const validated = validate();
    releaseBasket();
    const { lines: results } = await validated;
    expect(results.map((r) => [r.reservationId, r.outcome])).toEqual([
      ['r1', 'validated'],
      ['r2', 'validated'],
    ]);
    expect(reads.indexOf('service ETUDE')).toBeGreaterThan(reads.indexOf('basket read'));
  });

  it('a basket this process has never seen is read first, then its prestations', async () => {
    const { reads, releaseBasket, validate } = aHandler(undefined, basket(line(1, 'ATELIER')));
    const validated = validate();
    releaseBasket();
    expect((await validated).lines).toHaveLength(1);
    expect(reads.indexOf('service ATELIER')).toBeGreaterThan(reads.indexOf('basket read'));
  });
});
