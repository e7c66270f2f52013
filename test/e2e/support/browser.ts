import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AxeResults, Result as AxeViolation } from 'axe-core';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

/**
 * Debian's chromium (scripts/install-chromium.sh), driven by playwright-core. Never
 * `npx playwright install`: its download site is not reachable from our machines.
 * Playwright gives every launch a fresh temporary profile (--user-data-dir).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 812 },
  /** A tablet in portrait, as agents carry in the canteen (the attendance sheet). */
  tablet: { width: 768, height: 1024 },
} as const;

export type ViewportName = keyof typeof viewports;

/**
 * A page in its own context, in French and on the town's clock, as a parent would see it.
 * `errors` collects what went wrong in the page: uncaught errors, console errors (CSP
 * violations included, named by cspViolations), and HTTP answers of 400 and more.
 */
export async function openPage(browser: Browser, viewport: ViewportName): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: viewports[viewport],
    deviceScaleFactor: 1,
    isMobile: viewport === 'phone' || viewport === 'tablet',
    hasTouch: viewport === 'phone' || viewport === 'tablet',
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
  });
  // Every Content-Security-Policy violation, in any frame, becomes an error of the page (the
  // portal must work under its strict CSP): the browser's own console line may be terse.
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (e) =>
    console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + location.pathname + (e.sample ? ' (' + e.sample + ')' : '')));`);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // The console says "Failed to load resource" without saying which: name it.
  page.on('response', (response) => {
    if (response.status() >= 400) errors.push(`HTTP ${response.status()} ${response.request().method()} ${new URL(response.url()).pathname}`);
  });
  return { context, page, errors };
}

/** The Content-Security-Policy violations among a page's errors (the browser's lines and ours). */
export function cspViolations(errors: string[]): string[] {
  return errors.filter((e) => /CSP violation|Content Security Policy/i.test(e));
}

const screenshotDir = fileURLToPath(new URL('../screenshots/', import.meta.url));

/** Saves a full-page screenshot under test/e2e/screenshots/ (git-ignored); returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Runs axe-core (WCAG 2.1 A and AA rules) on the page and returns its violations. */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated by the driver, not added as an inline <script>: the portal's CSP (rightly) refuses those.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(readFileSync(axeSource, 'utf8'));
  // Evaluated as a string: the server's tsconfig has no DOM types, and this runs in the page.
  const options = { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } };
  const results = (await page.evaluate(`window.axe.run(document, ${JSON.stringify(options)})`)) as AxeResults;
  return results.violations;
}

/** How many CSS pixels the page is wider than the viewport (0 or less: no sideways scrolling). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return (await page.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
}

/** Violations a user would be blocked by (axe's "serious" and "critical"), as readable lines. */
export function blockingViolations(violations: AxeViolation[]): string[] {
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
