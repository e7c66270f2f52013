/** A calendar day as the API takes it (AAAA-MM-JJ). */
export const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const DAY_MESSAGE = 'Date invalide (format attendu : AAAA-MM-JJ).';
