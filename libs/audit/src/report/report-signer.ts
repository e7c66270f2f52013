import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import canonicalize from 'canonicalize';
import { sql, type Kysely } from 'kysely';
import type { AuditDatabase } from '../projections/audit-database.js';

export interface ReportSignature {
  algorithm: 'Ed25519';
  /** What was signed: the RFC 8785 (JCS) canonical JSON of `report`, UTF-8. */
  canonicalization: 'RFC 8785';
  /** The instance's public key (SPKI, PEM): also at GET /api/v1/audit/report-key. */
  publicKey: string;
  /** sha256 of the public key's DER bytes, hex: the short form to compare. */
  keyFingerprint: string;
  /** Base64. */
  value: string;
}

export interface SignedReport<T> {
  report: T;
  signature: ReportSignature;
}

const KEY_ID = 'verification-reports';

/** RFC 8785 canonical JSON: the bytes a report's signature covers. */
export function canonicalReportBytes(report: unknown): Buffer {
  const text = canonicalize(report);
  if (text === undefined) throw new TypeError('a report must be JSON');
  return Buffer.from(text, 'utf8');
}

export function keyFingerprint(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** Whether `signed.signature` is a valid Ed25519 signature of its report by the key it names (what an auditor's script checks). */
export function verifySignedReport(signed: SignedReport<unknown>): boolean {
  const key = createPublicKey(signed.signature.publicKey);
  return verify(null, canonicalReportBytes(signed.report), key, Buffer.from(signed.signature.value, 'base64'));
}

/**
 * Signs verification reports with the instance's Ed25519 key, made once and kept in
 * `audit_report_keys` (the private half never leaves the server). The signature says that
 * this Ardoise issued the report and that it was not edited since; the anchors' hashes in
 * it are what a third party checks against an NDJSON export (docs/audit.md).
 */
export class ReportSigner {
  private key: Promise<{ privateKey: KeyObject; publicKey: KeyObject }> | undefined;

  constructor(private readonly db: Kysely<AuditDatabase>) {}

  async sign<T>(report: T): Promise<SignedReport<T>> {
    const { privateKey, publicKey } = await this.keys();
    return {
      report,
      signature: {
        algorithm: 'Ed25519',
        canonicalization: 'RFC 8785',
        publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        keyFingerprint: keyFingerprint(publicKey),
        value: sign(null, canonicalReportBytes(report), privateKey).toString('base64'),
      },
    };
  }

  async publicKey(): Promise<{ algorithm: 'Ed25519'; publicKey: string; keyFingerprint: string }> {
    const { publicKey } = await this.keys();
    return { algorithm: 'Ed25519', publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyFingerprint: keyFingerprint(publicKey) };
  }

  private keys(): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
    this.key ??= this.loadOrCreate().catch((error: unknown) => {
      this.key = undefined;
      throw error;
    });
    return this.key;
  }

  private async loadOrCreate(): Promise<{ privateKey: KeyObject; publicKey: KeyObject }> {
    const made = generateKeyPairSync('ed25519');
    // Several processes may start at once: the first key written wins, every process reads it back.
    await sql`INSERT INTO audit_report_keys (id, private_key, public_key)
      VALUES (${KEY_ID}, ${made.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()}, ${made.publicKey.export({ type: 'spki', format: 'pem' }).toString()})
      ON CONFLICT (id) DO NOTHING`.execute(this.db);
    const { rows } = await sql<{ private_key: string; public_key: string }>`SELECT private_key, public_key FROM audit_report_keys WHERE id = ${KEY_ID}`.execute(
      this.db,
    );
    return { privateKey: createPrivateKey(rows[0]!.private_key), publicKey: createPublicKey(rows[0]!.public_key) };
  }
}
