import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSP_NONCE_PLACEHOLDER } from './security-headers.js';

/**
 * The pages parents open first (a bookmark, the link of an e-mail), with the source files
 * their lazy routes load (apps/portal/src/app/app.routes.ts and the areas' routes files).
 * Their index.html names those chunks as `modulepreload`: the browser fetches them beside
 * main.js instead of one after another once the router asks (three round trips on a phone).
 */
const FIRST_SCREENS: Readonly<Record<string, readonly string[]>> = {
  '/': ['pages/home/home-page.component.ts'],
  '/connexion': ['pages/auth/login-page.component.ts'],
  '/reservations': [
    'pages/reservations/reservations.routes.ts',
    'pages/reservations/reservations-page.component.ts',
    'pages/reservations/period-view.component.ts',
  ],
};
const SOURCE_ROOT = 'apps/portal/src/app/';
/** Inlined up to this size: beyond it, a cached file is worth its request. */
const MAX_INLINE_CSS = 24 * 1024;

/** esbuild's metafile, as `ng build` writes it with `statsJson` (beside the `browser` folder). */
interface BuildStats {
  outputs: Record<string, { entryPoint?: string; imports?: { path: string; kind: string }[] }>;
}

/**
 * index.html for each first screen, built once per build of the portal:
 * - the global stylesheet inlined as a `<style>` with the response's CSP nonce (the
 *   placeholder the server replaces): the first paint waits for no request but the page;
 * - the chunks of the screen's route preloaded (`modulepreload`), when the build's stats
 *   are there (a portal built without them is served as it is).
 */
export function firstScreens(root: string, html: string): { pageFor(path: string): string } {
  const page = inlineStylesheets(root, html);
  const stats = readStats(join(root, '..', 'browser-stats.json'));
  const pages = new Map<string, string>();
  if (stats) {
    const alreadyLoaded = new Set([...page.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!));
    for (const [path, sources] of Object.entries(FIRST_SCREENS)) {
      const chunks = chunksOf(stats, sources).filter((chunk) => !alreadyLoaded.has(chunk));
      if (!chunks.length) continue;
      const links = chunks.map((chunk) => `<link rel="modulepreload" href="${chunk}">`).join('');
      pages.set(path, page.replace('</head>', `${links}</head>`));
    }
  }
  return { pageFor: (path) => pages.get(path.length > 1 ? path.replace(/\/+$/, '') : path) ?? page };
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
