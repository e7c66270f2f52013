#!/usr/bin/env node
// Writes a brotli (.br, best quality) and a gzip (.gz) copy beside each text asset of the built
// portal, once at build time, so the server sends the smallest file without compressing on
// every request (libs/api/src/http/portal-static.ts picks them by Accept-Encoding).
// index.html is left alone: the server writes a fresh CSP nonce into it for every request.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt|map|webmanifest)$/;
/** Below this, compression saves nothing worth a second file. */
const MIN_BYTES = 1024;

export function precompress(dir) {
  const written = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      written.push(...precompress(path));
      continue;
    }
    if (!COMPRESSIBLE.test(name)) continue;
    const content = readFileSync(path);
    if (content.length < MIN_BYTES) continue;
    const br = brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    });
    const gz = gzipSync(content, { level: 9 });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gz);
    written.push({ file: path, bytes: content.length, br: br.length, gz: gz.length });
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? 'dist/apps/portal/browser');
  const written = precompress(dir);
  const total = (key) => written.reduce((sum, w) => sum + w[key], 0);
  console.log(
    `Précompression du portail : ${written.length} fichiers, ${(total('bytes') / 1024).toFixed(0)} kB → brotli ${(total('br') / 1024).toFixed(0)} kB, gzip ${(total('gz') / 1024).toFixed(0)} kB`,
  );
}
