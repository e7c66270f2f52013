import type { Page } from 'playwright-core';
import type { ApiClient } from './api-client.js';

export const DEMO_AUDITOR = { email: 'audit@demo.ardoise.fr', password: 'Demo-Audit-2026!' };
export const DEMO_ADMIN = { email: 'admin@demo.ardoise.fr', password: 'Demo-Admin-2026!' };

/** Signs in through the login page and waits for the role's own home. */
export async function signInThroughPortal(page: Page, baseUrl: string, who: { email: string; password: string }, home: RegExp): Promise<void> {
  await page.goto(`${baseUrl}/connexion`);
  await page.getByRole('textbox', { name: /^Adresse e-mail/ }).fill(who.email);
  await page.getByRole('textbox', { name: /^Mot de passe/ }).fill(who.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL(home);
}

/** AAAA-MM-JJ of a Date, in UTC (the dates the tests compute are UTC midnights). */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A recent school day, in the past, on which `childId` can still be booked only by an agent
 * (its cell reads « délai dépassé » in the period view): found by the API, so the test holds
 * whatever today's date and the town calendar.
 */
export async function aPastDayToBook(agent: ApiClient, familyId: string, childId: string, serviceCode: string): Promise<string> {
  for (let weeksBack = 0; weeksBack < 8; weeksBack++) {
    const day = isoDay(new Date(Date.now() - weeksBack * 7 * 86_400_000));
    const view = await agent.json<{ services: { code: string; days: { date: string; state: string }[] }[] }>(
      'GET',
      `/families/${familyId}/children/${childId}/period?view=week&date=${day}`,
    );
    const today = isoDay(new Date());
    const cells = view.services.find((s) => s.code === serviceCode)?.days ?? [];
    const past = cells.filter((c) => c.state === 'past_deadline' && c.date < today).at(-1);
    if (past) return past.date;
  }
  throw new Error(`no past ${serviceCode} day to book in the last eight weeks`);
}

/**
 * Retries `read` until it returns something (read models follow the log by a few milliseconds;
 * by seconds on a loaded CI runner: the bound catches a read model that never catches up).
 */
export async function eventually<T>(read: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
