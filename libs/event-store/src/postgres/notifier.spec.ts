import { MAX_NOTIFY_PAYLOAD_BYTES, notifyPayload } from './notifier.js';

describe('the NOTIFY payload naming the appended event types', () => {
  it('names each type once, one per line', () => {
    expect(notifyPayload(['ReservationRequested', 'ReservationValidated', 'ReservationRequested'])).toBe('ReservationRequested\nReservationValidated');
  });

  it('is empty (wake everyone) when the types do not fit in a NOTIFY, counted in bytes', () => {
    const fits = 'é'.repeat(Math.floor(MAX_NOTIFY_PAYLOAD_BYTES / 2)); // 2 bytes each
    expect(notifyPayload([fits])).toBe(fits);
    expect(notifyPayload([`${fits}é`])).toBe('');
    expect(notifyPayload([fits, 'A'])).toBe('');
  });

  it('is empty when a type could be misread as two (a line break in it)', () => {
    expect(notifyPayload(['Absence\nDeclared'])).toBe('');
  });
});
