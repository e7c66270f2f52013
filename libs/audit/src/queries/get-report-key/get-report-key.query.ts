import { Query } from '@nestjs/cqrs';

/** The instance's public key that signs verification reports. */
export class GetReportKey extends Query<{ algorithm: 'Ed25519'; publicKey: string; keyFingerprint: string }> {}
