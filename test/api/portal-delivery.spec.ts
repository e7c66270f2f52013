import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
// @ts-expect-error — a plain Node script of the build (no types): the same precompression as `npm run build:portal`.
import { precompress } from '../../scripts/precompress-portal.mjs';
import { startTestApp, type TestApp } from './support/test-app.js';

/** A raw HTTP GET (fetch would decompress and hide what travelled). */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers as Record<string, string>, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

/** A built portal as Angular writes it: index.html, hashed bundles (one precompressed), an unhashed icon. */
function fakePortal(): { dir: string; main: string; lazy: string } {
  const dir = join(mkdtempSync(join(tmpdir(), 'ardoise-portal-')), 'browser');
  mkdirSync(dir);
  const main = Array.from({ length: 2_000 }, (_, i) => `export const v${i} = "Mes réservations ${i % 17}";`).join('\n');
  const lazy = Array.from({ length: 800 }, (_, i) => `export const w${i} = ${i % 5};`).join('\n');
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="fr"><head><link rel="stylesheet" href="styles-ABCDEFGH.css"></head>' +
      '<body><ard-root ngCspNonce="ARDOISE_CSP_NONCE"></ard-root><script src="main-AB12cd-_.js" type="module"></script></body></html>',
  );
  writeFileSync(join(dir, 'main-AB12cd-_.js'), main);
  writeFileSync(join(dir, 'styles-ABCDEFGH.css'), 'body{margin:0}');
  // What `ng build` says of its chunks (statsJson): the login page's chunk imports a shared one.
  writeFileSync(
    join(dir, '..', 'browser-stats.json'),
    JSON.stringify({
      outputs: {
        'main-AB12cd-_.js': { entryPoint: 'apps/portal/src/main.ts', imports: [] },
        'chunk-LOGIN123.js': {
          entryPoint: 'apps/portal/src/app/pages/auth/login-page.component.ts',
          imports: [
            { path: 'main-AB12cd-_.js', kind: 'import-statement' },
            { path: 'chunk-FORMS123.js', kind: 'import-statement' },
            { path: 'chunk-LATER123.js', kind: 'dynamic-import' },
          ],
        },
        'chunk-FORMS123.js': { imports: [] },
      },
    }),
  );
  writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  precompress(dir);
  writeFileSync(join(dir, 'chunk-XYZ98765.js'), lazy); // built after: no precompressed copy
  return { dir, main, lazy };
}

const ACCEPT_ALL = { 'accept-encoding': 'gzip, deflate, br' };

describe('the portal as delivered: compression, caching and security headers', () => {
  let app: TestApp;
  let portal: ReturnType<typeof fakePortal>;
  beforeAll(async () => {
    portal = fakePortal();
    app = await startTestApp({ env: { PORTAL_DIR: portal.dir } });
  });
  afterAll(async () => {
    await app?.close();
    rmSync(join(portal.dir, '..'), { recursive: true, force: true });
  });

  it('sends hashed bundles compressed (brotli, else gzip) and cacheable for a year', async () => {
    const br = await get(`${app.baseUrl}/main-AB12cd-_.js`, ACCEPT_ALL);
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.body.length).toBeLessThan(portal.main.length / 5);
    expect(brotliDecompressSync(br.body).toString()).toBe(portal.main);

    const gz = await get(`${app.baseUrl}/main-AB12cd-_.js`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(portal.main);

    const plain = await get(`${app.baseUrl}/main-AB12cd-_.js`, { 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(portal.main);

    // A bundle without a precompressed copy is compressed on the fly.
    const lazy = await get(`${app.baseUrl}/chunk-XYZ98765.js`, ACCEPT_ALL);
    expect(lazy.headers['content-encoding']).toBe('br');
    expect(lazy.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(lazy.body).toString()).toBe(portal.lazy);

    const icon = await get(`${app.baseUrl}/favicon.svg`, ACCEPT_ALL);
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('serves index.html (and deep links) uncached, with a fresh CSP nonce written into the page', async () => {
    const first = await get(`${app.baseUrl}/reservations/agenda`, ACCEPT_ALL);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(first.headers['cache-control']).toBe('no-cache');
    const csp = first.headers['content-security-policy']!;
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    const html = (first.headers['content-encoding'] === 'br' ? brotliDecompressSync(first.body) : first.body).toString();
    expect(html).toContain(`ngCspNonce="${nonce}"`);
    expect(html).not.toContain('ARDOISE_CSP_NONCE');

    const second = await get(`${app.baseUrl}/`, ACCEPT_ALL);
    expect(second.headers['content-security-policy']).not.toContain(nonce);
  });

  it('draws the first paint without waiting for a stylesheet, and has a first screen fetch its chunks with main.js', async () => {
    const read = async (path: string) => {
      const response = await get(`${app.baseUrl}${path}`, { 'accept-encoding': 'identity' });
      const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers['content-security-policy']!)?.[1];
      return { html: response.body.toString(), nonce };
    };
    const login = await read('/connexion');
    // The global stylesheet comes inside the page, under the response's CSP nonce.
    expect(login.html).toContain(`<style nonce="${login.nonce}">body{margin:0}</style>`);
    expect(login.html).not.toContain('styles-ABCDEFGH.css');
    // The login page's chunk and what it imports, not what it loads later nor main.js twice.
    expect(login.html).toContain('<link rel="modulepreload" href="chunk-LOGIN123.js"><link rel="modulepreload" href="chunk-FORMS123.js"></head>');
    expect(login.html).not.toContain('chunk-LATER123.js');
    expect(login.html.match(/main-AB12cd-_\.js/g)).toHaveLength(1);

    // Any other page: the same page, without the login page's chunks.
    const other = await read('/factures');
    expect(other.html).toContain(`<style nonce="${other.nonce}">body{margin:0}</style>`);
    expect(other.html).not.toContain('modulepreload');
  });

  it('has a page fetch the API reads it starts with beside main.js, those of a signed-in person only with the session’s CSRF cookie', async () => {
    const read = async (path: string, cookie?: string) => {
      const response = await get(`${app.baseUrl}${path}`, { 'accept-encoding': 'identity', ...(cookie ? { cookie } : {}) });
      expect(response.headers['vary']).toMatch(/Cookie/i);
      return [...response.body.toString().matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin>/g)].map((m) => m[1]);
    };
    // Signed out: only the town (banner, footer); the portal asks nobody about a session it has no sign of.
    expect(await read('/connexion')).toEqual(['/api/v1/town']);
    expect(await read('/reservations')).toEqual(['/api/v1/town']);
    // Signed in: who, on every page; and on the reservations, the prestations.
    expect(await read('/factures', 'XSRF-TOKEN=abc; ardoise_session=def')).toEqual(['/api/v1/town', '/api/v1/auth/me']);
    expect(await read('/reservations/', 'XSRF-TOKEN=abc')).toEqual(['/api/v1/town', '/api/v1/auth/me', '/api/v1/catalogue/services']);
  });

  it('puts the security headers on every response: the portal, the API, errors', async () => {
    for (const path of ['/', '/main-AB12cd-_.js', '/api/v1/health', '/api/v1/families/not-a-uuid', '/api/payfip-sandbox/paiement?idop=x']) {
      const response = await get(`${app.baseUrl}${path}`, ACCEPT_ALL);
      const csp = response.headers['content-security-policy'] ?? '';
      const directive = (name: string) =>
        csp
          .split(';')
          .map((d) => d.trim())
          .find((d) => d.startsWith(`${name} `)) ?? '';
      expect({ path, scripts: directive('script-src') }).toEqual({ path, scripts: "script-src 'self'" });
      expect(directive('style-src')).not.toContain('unsafe-inline');
      expect(directive('frame-ancestors')).toBe("frame-ancestors 'none'");
      expect(directive('object-src')).toBe("object-src 'none'");
      expect(directive('default-src')).toBe("default-src 'self'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('same-origin');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['strict-transport-security']).toBeUndefined(); // served over plain HTTP
      expect(response.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('compresses the API’s JSON too', async () => {
    const response = await get(`${app.baseUrl}/api/docs-json`, ACCEPT_ALL);
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(response.body).toString()).openapi).toMatch(/^3\./);
  });

  it('lets the OpenAPI explorer use inline styles, never inline scripts', async () => {
    const csp = (await get(`${app.baseUrl}/api/docs`)).headers['content-security-policy']!;
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self';");
  });
});

describe('served over HTTPS (PUBLIC_URL in https://)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ env: { PUBLIC_URL: 'https://famille.saint-ardoise.fr' } });
  });
  afterAll(async () => {
    await app?.close();
  });

  it('adds HSTS and asks the browser to upgrade insecure requests', async () => {
    const response = await get(`${app.baseUrl}/api/v1/health`);
    expect(response.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });
});
