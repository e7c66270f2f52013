import { generateKeyPairSync, sign } from 'node:crypto';
import { canonicalReportBytes, keyFingerprint, verifySignedReport, type SignedReport } from './report-signer.js';

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const signed = (report: unknown): SignedReport<unknown> => ({
  report,
  signature: {
    algorithm: 'Ed25519',
    canonicalization: 'RFC 8785',
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    keyFingerprint: keyFingerprint(publicKey),
    value: sign(null, canonicalReportBytes(report), privateKey).toString('base64'),
  },
});

describe('a signed verification report', () => {
  it('signs the canonical JSON: the same report with its keys in another order still verifies', () => {
    const report = signed({ verdict: 'intact', anchors: [{ sequence: 1, hash: 'ab' }], issuedAt: '2026-12-03T15:00:00.000Z' });
    expect(verifySignedReport(report)).toBe(true);
    expect(verifySignedReport({ ...report, report: { issuedAt: '2026-12-03T15:00:00.000Z', anchors: [{ hash: 'ab', sequence: 1 }], verdict: 'intact' } })).toBe(
      true,
    );
    expect(canonicalReportBytes({ b: 1, a: [2, 'é'] }).toString('utf8')).toBe('{"a":[2,"é"],"b":1}');
  });

  it('no longer verifies once a verdict or an anchor is changed, or under another key', () => {
    const report = signed({ verdict: 'broken', anchors: [{ sequence: 1, hash: 'ab' }] });
    expect(verifySignedReport({ ...report, report: { verdict: 'intact', anchors: [{ sequence: 1, hash: 'ab' }] } })).toBe(false);
    expect(verifySignedReport({ ...report, report: { verdict: 'broken', anchors: [{ sequence: 1, hash: 'ac' }] } })).toBe(false);
    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(verifySignedReport({ ...report, signature: { ...report.signature, publicKey: other } })).toBe(false);
  });
});
