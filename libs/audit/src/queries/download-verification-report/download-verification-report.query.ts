import { Query } from '@nestjs/cqrs';
import type { SignedReport } from '../../report/report-signer.js';
import type { VerificationReport } from '../../report/verification-report.js';

/** The dated, signed report of a finished verification, issued to the user who downloads it. */
export class DownloadVerificationReport extends Query<SignedReport<VerificationReport>> {
  constructor(
    readonly jobId: string,
    readonly issuedTo: string,
  ) {
    super();
  }
}
