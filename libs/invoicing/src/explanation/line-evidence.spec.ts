import { decisiveEvents, type DayFact } from './line-evidence.js';

const fact = (id: string, type: string, data: DayFact['data'] = {}): DayFact => ({ id, type, data });

describe('the events that make one day of an invoice line', () => {
  it('a booked day is billed on the validation still live, not on one cancelled before it', () => {
    const facts = [
      fact('v1', 'ReservationValidated', { reservationId: 'r1' }),
      fact('c1', 'ReservationCancelled', { reservationId: 'r1' }),
      fact('v2', 'ReservationValidated', { reservationId: 'r2' }),
      fact('m', 'AttendanceRecorded', { status: 'present' }),
    ];
    expect([...decisiveEvents('service', facts)]).toEqual(['v2']);
  });

  it('a presence without booking is billed on the mark in force, not on a superseded one', () => {
    const facts = [fact('m1', 'AttendanceRecorded', { status: 'present_unbooked' }), fact('m0', 'AttendanceRecorded', { status: 'absent', superseded: true })];
    expect([...decisiveEvents('service', facts)]).toEqual(['m1']);
    expect([...decisiveEvents('unbooked_presence_surcharge', facts)]).toEqual(['m1']);
  });

  it('a late surcharge rests on the override of the booking and the booking itself', () => {
    const facts = [
      fact('o', 'DeadlineOverridden', { reservationId: 'r1', action: 'booking' }),
      fact('x', 'DeadlineOverridden', { reservationId: 'r1', action: 'cancellation' }),
      fact('v', 'ReservationValidated', { reservationId: 'r1' }),
    ];
    expect([...decisiveEvents('late_booking_surcharge', facts)].sort()).toEqual(['o', 'v']);
  });

  it('a justified absence is credited on the certificate, or else on an « excused » mark', () => {
    const booked = fact('v', 'ReservationValidated', { reservationId: 'r1' });
    expect([...decisiveEvents('justified_absence_credit', [booked, fact('j', 'AbsenceJustified', { reservationId: 'r1' })])]).toEqual(['j']);
    expect([...decisiveEvents('justified_absence_credit', [booked, fact('e', 'AttendanceRecorded', { status: 'excused' })])]).toEqual(['e']);
  });
});
