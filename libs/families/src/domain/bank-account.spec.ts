import { isBic, isIban, maskIban, normaliseIban } from './bank-account.js';

describe('the account of a direct-debit mandate', () => {
  it('accepts an IBAN typed with spaces and in lower case, written as banks write it', () => {
    const iban = normaliseIban(' fr76 3000 1007 9412 3456 7890 185 ');
    expect(iban).toBe('FR7630001007941234567890185');
    expect(isIban(iban)).toBe(true);
  });

  it('refuses a wrong check key (mod 97), a wrong length for the country, and what is not text', () => {
    expect(isIban(normaliseIban('FR76 3000 1007 9412 3456 7890 186'))).toBe(false);
    expect(isIban(normaliseIban('FR76 3000 1007 9412 3456 7890 18'))).toBe(false);
    expect(isIban(42)).toBe(false);
  });

  it('checks a BIC of 8 or 11 characters', () => {
    expect(isBic('PSSTFRPP')).toBe(true);
    expect(isBic('PSSTFRPPXXX')).toBe(true);
    expect(isBic('PSSTFR')).toBe(false);
  });

  it('shows only the country, the check digits and the last four characters', () => {
    expect(maskIban('FR7630001007941234567890185')).toBe('FR76 **** **** 0185');
  });
});
