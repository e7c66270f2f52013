import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '#ardoise/database';

/**
 * `ardoise bench portal` (npm run bench:portal, after a production build): Lighthouse's
 * mobile preset (simulated slow 4G, mid-range phone) in Debian's Chromium, cold cache, on
 * the login page and on the demo parent's reservations page (signed in: the session cookie
 * is sent with every request). Prints the scores and what travelled, then one JSON line.
 * The API runs as in production (`node dist/apps/api/src/main.js`, demo town seeded) on a
 * fresh database.
 */
export interface PortalPageFigures {
  page: string;
  performance: number;
  accessibility: number;
  best_practices: number;
  js_transferred_kb: number;
  cls: number;
}

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const DEMO_PARENT = { email: 'claire.martin@demo.ardoise.fr', password: 'Demo-Parent-2026!' };

export async function runPortalBenchmark(options: { databaseUrl: string; log?: (line: string) => void }): Promise<PortalPageFigures[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const server = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    cwd: repoRoot,
    env: { ...process.env, PORT: String(port), DATABASE_URL: options.databaseUrl, SEED_DEMO: 'true', LOG_LEVEL: 'warn', PUBLIC_URL: origin },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Lighthouse and chrome-launcher are development tools: loaded only here.
  const { default: lighthouse } = (await import('lighthouse')) as { default: (url: string, flags: object) => Promise<{ lhr: any } | undefined> };
  const chromeLauncher = await import('chrome-launcher');
  const { chromium } = await import('playwright-core');
  let chrome: Awaited<ReturnType<typeof chromeLauncher.launch>> | undefined;
  try {
    await waitUntilAnswering(`${origin}/api/v1/health`, server);
    const cookies = await signIn(origin);
    const launch = () =>
      chromeLauncher.launch({
        chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'],
      });
    const pages = [
      { page: 'login', url: `${origin}/connexion`, cookies: [] as { name: string; value: string }[] },
      { page: 'reservations', url: `${origin}/reservations`, cookies },
    ];
    const figures: PortalPageFigures[] = [];
    for (const target of pages) {
      // Once to warm the server (first reads of the read models), then measured with a cold browser cache.
      await fetch(target.url, { headers: { cookie: target.cookies.map((c) => `${c.name}=${c.value}`).join('; ') } });
      // A fresh browser (its own new profile: a cold cache) per page, holding the session
      // cookie when signed in; a trace Chromium failed to record is taken again.
      let lhr: any;
      for (let attempt = 1; ; attempt++) {
        chrome = await launch();
        if (target.cookies.length) {
          const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chrome.port}`);
          await browser.contexts()[0]!.addCookies(target.cookies.map((c) => ({ ...c, url: origin })));
          await browser.close();
        }
        const result = await lighthouse(target.url, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility', 'best-practices'],
          // The profile is new (nothing cached); keep the cookie just set.
          disableStorageReset: target.cookies.length > 0,
        });
        chrome.kill();
        chrome = undefined;
        lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse n’a rien rendu pour ${target.url}`);
        if (!lhr.runtimeError) break;
        if (attempt >= 3) throw new Error(`Lighthouse : ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
        log(`  (${target.page} : ${lhr.runtimeError.code}, nouvel essai)`);
      }
      if (target.page === 'reservations' && new URL(lhr.finalDisplayedUrl).pathname !== '/reservations') {
        throw new Error(`la page des réservations a renvoyé vers ${lhr.finalDisplayedUrl} : session refusée ?`);
      }
      const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      const summary = new Map<string, { transferSize: number; requestCount: number }>(
        (lhr.audits['resource-summary']?.details?.items ?? []).map((item: any) => [item.resourceType, item]),
      );
      const kb = (type: string) => Math.round(((summary.get(type)?.transferSize ?? 0) / 1024) * 10) / 10;
      const page: PortalPageFigures = {
        page: target.page,
        performance: score('performance'),
        accessibility: score('accessibility'),
        best_practices: score('best-practices'),
        js_transferred_kb: kb('script'),
        cls: Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? 0) * 1000) / 1000,
      };
      figures.push(page);
      const metric = (id: string) => lhr.audits[id]?.displayValue ?? '—';
      log(
        `${target.page.padEnd(13)} performance ${page.performance}, accessibilité ${page.accessibility}, bonnes pratiques ${page.best_practices} · ` +
          `FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${page.cls} · ` +
          `transféré : total ${kb('total')} kB (${summary.get('total')?.requestCount ?? 0} requêtes), JS ${page.js_transferred_kb} kB, CSS ${kb('stylesheet')} kB, HTML ${kb('document')} kB`,
      );
      for (const category of ['performance', 'accessibility', 'best-practices']) {
        const missed = (lhr.categories[category]?.auditRefs ?? [])
          .filter((ref: any) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 0.9)
          .map((ref: any) => `${ref.id} (${lhr.audits[ref.id]?.displayValue ?? lhr.audits[ref.id]?.score})`);
        if (missed.length) log(`  ${category} — à améliorer : ${missed.join(', ')}`);
      }
    }
    log(JSON.stringify({ bench: 'portal', pages: figures }));
    return figures;
  } finally {
    chrome?.kill();
    await stop(server);
  }
}

async function signIn(origin: string): Promise<{ name: string; value: string }[]> {
  const response = await fetch(`${origin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(DEMO_PARENT),
  });
  if (!response.ok) throw new Error(`connexion du parent de démonstration refusée : ${response.status}`);
  return response.headers.getSetCookie().map((line) => {
    const [name, ...value] = line.split(';')[0]!.split('=');
    return { name: name!.trim(), value: value.join('=') };
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`l’API s’est arrêtée (${child.exitCode}) : lancez d’abord « npm run build »`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`l’API n’a pas répondu sur ${url}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
