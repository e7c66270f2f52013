// Stops the embedded PostgreSQL started by global-setup.mjs, if any.
export default async function globalTeardown() {
  await globalThis.__ardoisePostgres?.stop();
}
