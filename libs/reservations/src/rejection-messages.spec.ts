import { rejectionMessage } from './rejection-messages.js';

describe('the words a parent reads for a refusal, rendered from its code', () => {
  it('says why a day is closed, with the town’s own name for it', () => {
    expect(rejectionMessage('DAY_CLOSED', { reason: 'PUBLIC_HOLIDAY', name: 'Lundi de Pâques' })).toBe(
      'La prestation n’a pas lieu ce jour-là. (Jour férié (Lundi de Pâques))',
    );
    expect(rejectionMessage('DAY_CLOSED', { reason: 'CLOSURE', name: 'Grève' })).toBe('La prestation n’a pas lieu ce jour-là. (Fermeture : Grève)');
    expect(rejectionMessage('DAY_CLOSED', { reason: 'NO_RULES' })).toBe(
      'La prestation n’a pas lieu ce jour-là. (Le règlement de cette prestation n’est pas encore fixé)',
    );
    expect(rejectionMessage('DAY_CLOSED')).toBe('La prestation n’a pas lieu ce jour-là.');
  });

  it('has a sentence for every other code', () => {
    expect(rejectionMessage('DEADLINE_PASSED')).toMatch(/délai/);
    expect(rejectionMessage('ALLOCATION_PENDING')).toMatch(/attribution/);
  });
});
