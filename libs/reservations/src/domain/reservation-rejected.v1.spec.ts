import { upcastEvent } from '#ardoise/kernel';
import { rejectionMessage } from '../rejection-messages.js';
import './reservation-events.js';

const line = { reservationId: 'r1', familyId: 'f1', childId: 'c1', serviceCode: 'CANTINE', date: '2026-04-06' };
const v1 = (data: object) => ({ type: 'ReservationRejected', data: { ...line, ...data } as unknown, metadata: { schemaVersion: 1 } });

describe('a refusal recorded with its words (ReservationRejected version 1)', () => {
  it('reads as version 2: the code, why the day was closed, and no words', () => {
    const upcast = upcastEvent(v1({ code: 'DAY_CLOSED', message: 'La prestation n’a pas lieu ce jour-là. (Jour férié (Lundi de Pâques))' }));
    expect(upcast).toEqual({
      type: 'ReservationRejected',
      data: { ...line, code: 'DAY_CLOSED', dayClosed: { reason: 'PUBLIC_HOLIDAY', name: 'Lundi de Pâques' } },
      metadata: { schemaVersion: 2 },
    });
    const data = upcast.data as { code: 'DAY_CLOSED'; dayClosed: { reason: string; name?: string } };
    expect(rejectionMessage(data.code, data.dayClosed)).toBe('La prestation n’a pas lieu ce jour-là. (Jour férié (Lundi de Pâques))');
  });

  it('reads back every closed-day label version 1 wrote', () => {
    const closed = (label: string) =>
      (upcastEvent(v1({ code: 'DAY_CLOSED', message: `La prestation n’a pas lieu ce jour-là. (${label})` })).data as { dayClosed: unknown }).dayClosed;
    expect(closed('Hors du calendrier de la commune')).toEqual({ reason: 'OUTSIDE_CALENDAR' });
    expect(closed('Fermeture : grève (restaurant)')).toEqual({ reason: 'CLOSURE', name: 'grève (restaurant)' });
    expect(closed('Vacances de Noël')).toEqual({ reason: 'SCHOOL_HOLIDAYS', name: 'Vacances de Noël' });
    expect(closed('Le règlement de cette prestation n’est pas encore fixé')).toEqual({ reason: 'NO_RULES' });
  });

  it('drops the words of any other refusal and keeps its code', () => {
    expect(upcastEvent(v1({ code: 'DEADLINE_PASSED', message: 'Le délai de réservation prévu par le règlement est dépassé.' })).data).toEqual({
      ...line,
      code: 'DEADLINE_PASSED',
    });
  });
});
