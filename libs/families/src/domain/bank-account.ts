import { electronicFormatIBAN, isValidBIC, isValidIBAN } from 'ibantools';

/**
 * The account a direct-debit mandate draws on. Personal data: it travels sealed with the
 * family's key in `DirectDebitMandateSigned` and is shown masked (`FR76 **** **** 0185`).
 */
export interface DebtorAccount {
  /** Electronic format: upper case, no spaces (`FR7630001007941234567890185`). */
  iban: string;
  bic: string | null;
}

/** Upper case without spaces or dashes, as banks and pain.008 write it; anything else passes through to be refused. */
export const normaliseIban = (value: unknown): unknown => (typeof value === 'string' ? (electronicFormatIBAN(value) ?? value) : value);

/** ISO 13616: the country's length and format, and the mod-97 check digits (ibantools). */
export const isIban = (value: unknown): boolean => typeof value === 'string' && isValidIBAN(value);

export const isBic = (value: unknown): boolean => typeof value === 'string' && isValidBIC(value);

/** `FR76 **** **** 0185`: the country, the check digits and the last four characters, no more. */
export function maskIban(iban: string): string {
  return `${iban.slice(0, 4)} **** **** ${iban.slice(-4)}`;
}
