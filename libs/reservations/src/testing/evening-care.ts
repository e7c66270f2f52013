import { DEMO_SCHOOL_YEAR, type ServiceConfig, type TownCalendar } from '#ardoise/catalogue';

/** The demo school year without closures: the calendar the reservations' unit specs decide on. */
export const schoolCalendar: TownCalendar = { years: [DEMO_SCHOOL_YEAR], closures: [] };

/** Booking and cancelling close at 10:00 the school day before. */
export const dayBeforeAtTen = { kind: 'school_days_before' as const, days: 1, at: '10:00' };

/** An evening-care prestation of 20 places, Monday, Tuesday, Thursday and Friday (its règlement set unless told). */
export function eveningCare(code = 'ATELIER', overrides: Partial<ServiceConfig> = {}): ServiceConfig {
  return {
    code,
    label: code === 'ATELIER' ? 'Atelier du soir' : code,
    kind: 'evening_care',
    weekdays: [1, 2, 4, 5],
    dailyCapacity: 20,
    startTime: '16:30',
    season: 'school',
    booking: dayBeforeAtTen,
    cancellation: dayBeforeAtTen,
    openings: [],
    ...overrides,
  };
}
