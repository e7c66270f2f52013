import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReportSigner } from '../../report/report-signer.js';
import { GetReportKey } from './get-report-key.query.js';

@QueryHandler(GetReportKey)
export class GetReportKeyHandler implements IQueryHandler<GetReportKey> {
  constructor(@Inject(ReportSigner) private readonly signer: ReportSigner) {}

  execute(): Promise<{ algorithm: 'Ed25519'; publicKey: string; keyFingerprint: string }> {
    return this.signer.publicKey();
  }
}
