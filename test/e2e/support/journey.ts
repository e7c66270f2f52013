import type { Page } from 'playwright-core';
import { saveScreenshot } from './browser.js';

export const PARENT_PASSWORD = 'Ardoise-Parent-2026!';

/** Fills the three steps of the account creation as a parent would, from the activation link. */
export async function createAccountThroughWizard(
  page: Page,
  url: string,
  names: { familyName: string; guardian: string; children: string[] },
  shots?: string,
): Promise<void> {
  await page.goto(url);
  await page.getByRole('heading', { level: 2, name: /Étape 1 sur 3 : Compte famille/ }).waitFor();
  // The link pre-fills the family name and the e-mail the town used.
  if ((await page.getByLabel('Nom de la famille').inputValue()) !== names.familyName) throw new Error('family name not pre-filled');
  await page.getByLabel('Mot de passe', { exact: false }).first().fill(PARENT_PASSWORD);
  await page.getByLabel('Confirmez votre mot de passe').fill(PARENT_PASSWORD);
  if (shots) await saveScreenshot(page, `${shots}-01-compte-famille`);
  await page.getByRole('button', { name: 'Suivant' }).click();

  await page.getByRole('heading', { level: 2, name: /Étape 2 sur 3 : Responsables/ }).waitFor();
  const r1 = page.getByRole('group', { name: 'Responsable 1' });
  await r1.getByLabel('Madame').check();
  await r1.getByLabel('Prénom').fill(names.guardian);
  await r1.getByLabel('Téléphone portable').fill('06 12 34 56 78');
  await r1.getByLabel('Numéro et rue').fill('12 rue des Écoles');
  await r1.getByLabel('Code postal').fill('41120');
  await r1.getByLabel('Commune').fill('Saint-Ardoise');
  if (shots) await saveScreenshot(page, `${shots}-02-responsables`);
  await page.getByRole('button', { name: 'Suivant' }).click();

  await page.getByRole('heading', { level: 2, name: /Étape 3 sur 3 : Enfants/ }).waitFor();
  for (const [i, firstName] of names.children.entries()) {
    if (i > 0) await page.getByRole('button', { name: /Ajouter un enfant/ }).click();
    const child = page.getByRole('group', { name: new RegExp(`^Enfant ${i + 1}`) });
    await child.getByLabel('Prénom').fill(firstName);
    await child.getByLabel('Date de naissance').fill(`201${7 + i}-05-02`);
    await child.getByLabel('École').fill('École élémentaire Jules-Ferry');
    await child.getByLabel('Classe').fill('CE1');
  }
  if (shots) await saveScreenshot(page, `${shots}-03-enfants`);
  await page.getByRole('button', { name: 'S’enregistrer' }).click();
  await page.getByRole('heading', { level: 1, name: `Bonjour ${names.guardian},` }).waitFor({ timeout: 15_000 });
  if (shots) await saveScreenshot(page, `${shots}-04-compte-cree`);
}

/** On a phone the basket folds under its bar: unfold it when needed. */
export async function openBasket(page: Page): Promise<void> {
  const show = page.getByRole('button', { name: 'Voir le panier' });
  if (await show.isVisible()) await show.click();
}

export async function basketCount(page: Page): Promise<string> {
  return (await page.getByTestId('basket-count').innerText()).trim();
}

/**
 * Vue Période: from this week on, the first week with three free canteen days; clicks them.
 * Returns how many "Semaine suivante" it took and the days booked.
 */
export async function bookThreeCanteenDays(page: Page): Promise<{ weeksAhead: number; days: string[] }> {
  const free = page.locator('button[data-service="CANTINE"][data-state="free"]');
  let weeksAhead = 0;
  await page.locator('table.planning').first().waitFor();
  while ((await free.count()) < 3) {
    if (++weeksAhead > 10) throw new Error('no week with three free canteen days in ten weeks');
    const title = await page.locator('.period-title').innerText();
    await page.getByRole('button', { name: 'Semaine suivante' }).click();
    await page.waitForFunction((before) => document.querySelector('.period-title')?.textContent?.trim() !== before, title.trim());
    await page.locator('table.planning').first().waitFor();
  }
  const days: string[] = [];
  for (let i = 0; i < 3; i++) {
    const cell = free.first();
    const day = (await cell.getAttribute('data-date'))!;
    await cell.click();
    await page.locator(`button[data-service="CANTINE"][data-date="${day}"][data-state="requested"]`).waitFor();
    days.push(day);
  }
  return { weeksAhead, days };
}

/** Back on the week booked earlier (the planning opens on this week). */
export async function showWeek(page: Page, weeksAhead: number): Promise<void> {
  await page.locator('table.planning').first().waitFor();
  for (let i = 0; i < weeksAhead; i++) {
    const title = (await page.locator('.period-title').innerText()).trim();
    await page.getByRole('button', { name: 'Semaine suivante' }).click();
    await page.waitForFunction((before) => document.querySelector('.period-title')?.textContent?.trim() !== before, title);
  }
}
