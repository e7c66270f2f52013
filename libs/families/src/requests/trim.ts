import { Transform } from 'class-transformer';

/** Trims text fields (a name of spaces is no name); other types pass through to be refused. */
export const Trim = () => Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** An empty optional text means "none". */
export const TrimToNull = () => Transform(({ value }) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value));

export const PHONE = /^(?:\+33 ?|0)[1-9](?:[ .-]?\d{2}){4}$|^\+(?:[ .-]?\d){8,15}$/;
export const PHONE_MESSAGE = 'Numéro de téléphone invalide (par exemple 06 12 34 56 78).';
