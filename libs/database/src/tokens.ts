/** Injection token of the read-model database (a Kysely<any> over the shared pg pool). */
export const DATABASE = Symbol('ardoise.DATABASE');
