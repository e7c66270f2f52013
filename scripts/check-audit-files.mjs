#!/usr/bin/env node
// Checks, outside Ardoise, an NDJSON export of the whole log and a signed verification report
// (docs/audit.md): every event's hash and its stream's chain, the anchors' running hash, and
// the report's Ed25519 signature. Uses only Node's crypto and the RFC 8785 canonicalization.
//   node scripts/check-audit-files.mjs export.ndjson [report.json]
import { createHash, createPublicKey, verify } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import canonicalize from 'canonicalize';

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Ardoise's canonical JSON (keys sorted, no spaces) — the one event hashes are computed over. */
function canonical(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  const keys = Object.keys(value)
    .filter((k) => value[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
}

const [exportFile, reportFile] = process.argv.slice(2);
if (!exportFile) {
  console.error('usage: node scripts/check-audit-files.mjs export.ndjson [report.json]');
  process.exit(2);
}
const report = reportFile ? JSON.parse(readFileSync(reportFile, 'utf8')) : undefined;
const anchors = new Map((report?.report.anchors.list ?? []).map((a) => [a.eventCount, a]));
const heads = new Map();
let running = '';
let count = 0;
let problems = 0;
const problem = (text) => {
  problems += 1;
  if (problems <= 20) console.log(`✕ ${text}`);
};

for await (const line of createInterface({ input: createReadStream(exportFile, 'utf8'), crlfDelay: Infinity })) {
  if (!line) continue;
  const e = JSON.parse(line);
  const body = canonical({ streamId: e.streamId, revision: String(e.revision), type: e.type, data: e.data, metadata: e.metadata });
  const head = heads.get(e.streamId) ?? { revision: -1, hash: '' };
  if (e.revision !== head.revision + 1) problem(`${e.streamId} #${e.revision}: expected revision ${head.revision + 1}`);
  if (e.previousHash !== head.hash) problem(`${e.streamId} #${e.revision}: previousHash does not chain`);
  if (sha256(`${e.previousHash}\n${body}`) !== e.hash) problem(`${e.streamId} #${e.revision}: content does not match its hash`);
  heads.set(e.streamId, { revision: e.revision, hash: e.hash });
  running = sha256(`${running}\n${e.id} ${e.hash}`);
  count += 1;
  const anchor = anchors.get(count);
  if (anchor && anchor.hash !== running) problem(`anchor ${anchor.sequence} (${count} events): the log no longer matches it`);
  anchors.delete(count);
}
console.log(`${count} events in ${heads.size} streams checked`);
if (report) {
  if (anchors.size > 0) problem(`${anchors.size} anchor(s) beyond the end of the export: events are missing (or the export is not the whole log)`);
  const { signature } = report;
  const signed = verify(null, Buffer.from(canonicalize(report.report), 'utf8'), createPublicKey(signature.publicKey), Buffer.from(signature.value, 'base64'));
  const fingerprint = createHash('sha256')
    .update(createPublicKey(signature.publicKey).export({ type: 'spki', format: 'der' }))
    .digest('hex');
  console.log(
    `report of ${report.report.issuedAt}: verdict ${report.report.verification.verdict}; signature ${signed ? 'valid' : 'INVALID'}; key ${fingerprint}`,
  );
  if (!signed) problem('the report was changed after it was signed, or signed by another key');
}
console.log(problems === 0 ? '✓ everything checks' : `✕ ${problems} problem(s)`);
process.exit(problems === 0 ? 0 : 1);
