import { draftInvoice, monthBounds, type BillableDay } from './billing.js';
import { TariffBook, assertValidBrackets, bracketFor, quotientOn } from './tariff.js';
import { aDay, aTariff, brackets } from './tariff.fixture.js';

const canteenV1 = aTariff('CANTINE', '2025-09-01', brackets(100, 320, 450, { cantineAUnEuro: true }), { late: 100, unbooked: 200 }, 1);
const canteenV2 = aTariff('CANTINE', '2026-03-16', brackets(100, 340, 480, { cantineAUnEuro: true }), { late: 100, unbooked: 200 }, 2);
const evening = aTariff('SOIR', '2025-09-01', brackets(80, 150, 220), { late: 50, unbooked: 300 }, 1);
const book = new TariffBook([canteenV1, canteenV2, evening]);

const bill = (familyId: string, days: BillableDay[], quotients: { amount: number; validFrom: string; validUntil: string }[]) =>
  draftInvoice({ familyId, period: '2026-03', days, quotients, tariffs: book });

describe('pricing a day by quotient familial', () => {
  it('picks the bracket holding the QF, bounds included', () => {
    expect(bracketFor(canteenV1, 0).code).toBe('T1');
    expect(bracketFor(canteenV1, 500).code).toBe('T1');
    expect(bracketFor(canteenV1, 501).code).toBe('T2');
    expect(bracketFor(canteenV1, 1001).code).toBe('T3');
  });

  it('applies the highest bracket to a family without a valid QF', () => {
    expect(bracketFor(canteenV1, null).code).toBe('T3');
    const periods = [{ amount: 420, validFrom: '2026-01-01', validUntil: '2026-03-15' }];
    expect(quotientOn(periods, '2026-03-15')).toBe(420);
    expect(quotientOn(periods, '2026-03-16')).toBeNull();
  });

  it('uses the tariff in force on the day, and says so when there is none', () => {
    expect(book.tariffOn('CANTINE', '2026-03-15').version).toBe(1);
    expect(book.tariffOn('CANTINE', '2026-03-16').version).toBe(2);
    expect(() => book.tariffOn('CANTINE', '2025-08-31')).toThrow(expect.objectContaining({ code: 'BILLING.NO_TARIFF' }));
    expect(() => book.tariffOn('PISCINE', '2026-03-02')).toThrow(expect.objectContaining({ code: 'BILLING.NO_TARIFF' }));
  });

  it('refuses a grid with a gap, an upper bound on the last bracket, or a "cantine à 1 €" above 1 €', () => {
    const gap = brackets(100, 320, 450).map((b) => (b.code === 'T2' ? { ...b, qfFrom: 600 } : b));
    expect(() => assertValidBrackets(gap, [0, 0])).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID' }));
    const capped = brackets(100, 320, 450).map((b) => (b.code === 'T3' ? { ...b, qfTo: 5000 } : b));
    expect(() => assertValidBrackets(capped, [0, 0])).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID' }));
    expect(() => assertValidBrackets(brackets(150, 320, 450, { cantineAUnEuro: true }), [0, 0])).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID' }));
    expect(() => assertValidBrackets(brackets(100, 320, 450, { cantineAUnEuro: true }), [0, 0])).not.toThrow();
  });
});

describe('billing a month', () => {
  it('bills canteen and evening care at the QF bracket, with a justified absence, a late booking, an unbooked presence and a tariff change mid-month', () => {
    const days = [
      aDay('léa', 'CANTINE', '2026-03-02').booked().present().build(),
      aDay('léa', 'CANTINE', '2026-03-03').booked().present().build(),
      aDay('léa', 'CANTINE', '2026-03-05').booked().absent().justified().build(),
      aDay('léa', 'CANTINE', '2026-03-06').booked().absent().build(), // absent without certificate: still due
      aDay('léa', 'CANTINE', '2026-03-16').booked().present().build(),
      aDay('léa', 'CANTINE', '2026-03-17').booked().late().present().build(),
      aDay('léa', 'SOIR', '2026-03-02').booked().present().build(),
      aDay('léa', 'SOIR', '2026-03-03').presentWithoutBooking().build(),
      aDay('léa', 'SOIR', '2026-03-04').build(), // cancelled in time: nothing
    ];
    // QF 750 until the 15th (bracket T2), then none given: highest bracket (T3).
    const draft = bill('famille-b', days, [{ amount: 750, validFrom: '2025-09-01', validUntil: '2026-03-15' }])!;
    const summary = draft.lines.map((l) => [l.serviceCode, l.kind, l.tariffVersion, l.bracketCode, l.days, l.unitPriceCents, l.amountCents]);
    expect(summary).toEqual([
      ['CANTINE', 'service', 1, 'T2', 4, 320, 1280],
      ['CANTINE', 'justified_absence_credit', 1, 'T2', 1, 320, -320],
      ['CANTINE', 'service', 2, 'T3', 2, 480, 960],
      ['CANTINE', 'late_booking_surcharge', 2, 'T3', 1, 100, 100],
      ['SOIR', 'service', 1, 'T2', 2, 150, 300],
      ['SOIR', 'unbooked_presence_surcharge', 1, 'T2', 1, 300, 300],
    ]);
    expect(draft.totalCents).toBe(2620);
    expect(draft.tariffs).toEqual([
      { serviceCode: 'CANTINE', version: 1, effectiveFrom: '2025-09-01' },
      { serviceCode: 'CANTINE', version: 2, effectiveFrom: '2026-03-16' },
      { serviceCode: 'SOIR', version: 1, effectiveFrom: '2025-09-01' },
    ]);
  });

  it('bills a family in the "cantine à 1 €" bracket at 1 € a meal, marked for the State claim', () => {
    const days = ['2026-03-02', '2026-03-03', '2026-03-05'].map((d) => aDay('tom', 'CANTINE', d).booked().build());
    const draft = bill('famille-a', days, [{ amount: 420, validFrom: '2025-09-01', validUntil: '2026-08-31' }])!;
    expect(draft.lines).toEqual([
      expect.objectContaining({ bracketCode: 'T1', days: 3, unitPriceCents: 100, amountCents: 300, cantineAUnEuro: true, quotient: 420 }),
    ]);
    expect(draft.totalCents).toBe(300);
  });

  it('issues nothing for a family with nothing to pay', () => {
    expect(bill('famille-c', [], [])).toBeNull();
    expect(bill('famille-c', [aDay('zoé', 'CANTINE', '2026-03-02').build()], [])).toBeNull();
    expect(bill('famille-c', [aDay('zoé', 'CANTINE', '2026-03-02').booked().justified().build()], [])).toBeNull();
  });

  it('ignores days outside the month billed', () => {
    const days = [aDay('zoé', 'CANTINE', '2026-02-27').booked().build(), aDay('zoé', 'CANTINE', '2026-04-01').booked().build()];
    expect(bill('famille-c', days, [])).toBeNull();
  });

  it('knows the bounds of a month, leap years included', () => {
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
});
