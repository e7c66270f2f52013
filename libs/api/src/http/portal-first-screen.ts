import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSP_NONCE_PLACEHOLDER } from './security-headers.js';

/**
 * The pages parents open first (a bookmark, the link of an e-mail):
 * - `sources`: the source files their lazy routes load (apps/portal/src/app/app.routes.ts and
 *   the areas' routes files). Their index.html names those chunks as `modulepreload`: the
 *   browser fetches them beside main.js instead of one after another once the router asks
 *   (three round trips on a phone);
 * - `signedInReads`: the API reads the screen makes as soon as it knows who is signed in,
 *   that depend on nobody in particular (the family's own reads need the session's family).
 */
const FIRST_SCREENS: Readonly<Record<string, { sources: readonly string[]; signedInReads?: readonly string[] }>> = {
  '/': { sources: ['pages/home/home-page.component.ts'] },
  '/connexion': { sources: ['pages/auth/login-page.component.ts'] },
  '/reservations': {
    sources: ['pages/reservations/reservations.routes.ts', 'pages/reservations/reservations-page.component.ts', 'pages/reservations/period-view.component.ts'],
    signedInReads: ['/api/v1/catalogue/services'],
  },
};
/** What every page reads as it starts: the town (banner and footer, core/town.service.ts). */
const EVERY_PAGE_READS = ['/api/v1/town'];
/** Read at start by every page when signed in (core/session.service.ts: only when the CSRF cookie is there). */
const SIGNED_IN_READS = ['/api/v1/auth/me'];
const SOURCE_ROOT = 'apps/portal/src/app/';
/** Inlined up to this size: beyond it, a cached file is worth its request. */
const MAX_INLINE_CSS = 24 * 1024;

/** esbuild's metafile, as `ng build` writes it with `statsJson` (beside the `browser` folder). */
interface BuildStats {
  outputs: Record<string, { entryPoint?: string; imports?: { path: string; kind: string }[] }>;
}

/**
 * index.html for each page, built once per build of the portal:
 * - the global stylesheet inlined as a `<style>` with the response's CSP nonce (the
 *   placeholder the server replaces): the first paint waits for no request but the page;
 * - the API reads the page makes as it starts, preloaded (`<link rel="preload" as="fetch"
 *   crossorigin>`, which HttpClient's fetch — same URL, same-origin credentials — takes
 *   instead of asking again): they travel beside main.js instead of after it has run;
 *   those of a signed-in person only when the request carries the session's CSRF cookie,
 *   the sign the portal itself waits for before asking who is signed in;
 * - the chunks of a first screen's route preloaded (`modulepreload`), when the build's
 *   stats are there (a portal built without them is served without).
 */
export function firstScreens(root: string, html: string): { pageFor(path: string, signedIn: boolean): string } {
  const page = inlineStylesheets(root, html);
  const stats = readStats(join(root, '..', 'browser-stats.json'));
  const alreadyLoaded = new Set([...page.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!));
  const pageWith = (reads: readonly string[], chunks: readonly string[]) =>
    page.replace(
      '</head>',
      reads.map((url) => `<link rel="preload" href="${url}" as="fetch" crossorigin>`).join('') +
        chunks.map((chunk) => `<link rel="modulepreload" href="${chunk}">`).join('') +
        '</head>',
    );
  const pages = new Map<string, { signedOut: string; signedIn: string }>();
  const variants = (chunks: readonly string[], signedInReads: readonly string[] = []) => ({
    signedOut: pageWith(EVERY_PAGE_READS, chunks),
    signedIn: pageWith([...EVERY_PAGE_READS, ...SIGNED_IN_READS, ...signedInReads], chunks),
  });
  const otherPage = variants([]);
  for (const [path, screen] of Object.entries(FIRST_SCREENS)) {
    const chunks = stats ? chunksOf(stats, screen.sources).filter((chunk) => !alreadyLoaded.has(chunk)) : [];
    pages.set(path, variants(chunks, screen.signedInReads));
  }
  return {
    pageFor: (path, signedIn) => {
      const found = pages.get(path.length > 1 ? path.replace(/\/+$/, '') : path) ?? otherPage;
      return signedIn ? found.signedIn : found.signedOut;
    },
  };
}

/** The output chunks of these source files, with every chunk they import statically. */
function chunksOf(stats: BuildStats, sources: readonly string[]): string[] {
  const found = new Set<string>();
  const visit = (chunk: string) => {
    if (found.has(chunk) || !stats.outputs[chunk]) return;
    found.add(chunk);
    for (const imported of stats.outputs[chunk].imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  for (const source of sources) {
    const entry = Object.entries(stats.outputs).find(([name, output]) => name.endsWith('.js') && output.entryPoint === SOURCE_ROOT + source);
    if (entry) visit(entry[0]);
  }
  return [...found];
}

function inlineStylesheets(root: string, html: string): string {
  return html.replace(/<link rel="stylesheet" href="([\w.-]+\.css)"[^>]*>/g, (link, name: string) => {
    const path = join(root, name);
    if (!existsSync(path)) return link;
    const css = readFileSync(path, 'utf8');
    if (css.length > MAX_INLINE_CSS || css.includes('</')) return link;
    return `<style nonce="${CSP_NONCE_PLACEHOLDER}">${css}</style>`;
  });
}

function readStats(path: string): BuildStats | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as BuildStats;
  } catch {
    return null;
  }
}
