import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { currentContext } from '#ardoise/commands';
import { ProjectionRunner } from '#ardoise/projections';
import { ChainVerifier } from '../../chain/chain-verifier.js';
import { AuditJobs, type AuditJob } from '../../jobs/audit-jobs.js';
import { chosenProjections } from '../../jobs/chosen-projections.js';
import { ReadModelVerifier } from '../../read-models/read-model-verifier.js';
import { StartVerification } from './start-verification.command.js';

@CommandHandler(StartVerification)
export class StartVerificationHandler implements ICommandHandler<StartVerification> {
  constructor(
    @Inject(AuditJobs) private readonly jobs: AuditJobs,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(ReadModelVerifier) private readonly readModels: ReadModelVerifier,
    @Inject(ChainVerifier) private readonly chains: ChainVerifier,
  ) {}

  execute({ kind, projection }: StartVerification): Promise<AuditJob> {
    const actor = currentContext().actor.userId;
    if (kind === 'chain') {
      return this.jobs.start('verify-chain', { kind: 'chain' }, actor, (report, signal) => this.chains.verify({ onProgress: report, signal }));
    }
    const names = projection ? chosenProjections(this.runner, projection, false) : undefined;
    return this.jobs.start('verify-read-models', { kind: 'read-models', projections: names ?? 'all' }, actor, (report, signal) =>
      this.readModels.verify({ onProgress: report, signal }, names),
    );
  }
}
