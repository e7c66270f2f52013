import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { currentContext } from '#ardoise/commands';
import { ProjectionRunner } from '#ardoise/projections';
import { AuditJobs, type AuditJob } from '../../jobs/audit-jobs.js';
import { chosenProjections } from '../../jobs/chosen-projections.js';
import { StartRebuild } from './start-rebuild.command.js';

/** Answers with the job as soon as it is started: its progress is polled on /audit/jobs/{id}. */
@CommandHandler(StartRebuild)
export class StartRebuildHandler implements ICommandHandler<StartRebuild> {
  constructor(
    @Inject(AuditJobs) private readonly jobs: AuditJobs,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
  ) {}

  execute({ projection, all }: StartRebuild): Promise<AuditJob> {
    const names = chosenProjections(this.runner, all ? undefined : projection, all);
    return this.jobs.start('rebuild', { projections: names }, currentContext().actor.userId, async (report, signal) => {
      const generations: Record<string, number> = {};
      for (const name of names) {
        const generation = await this.runner.rebuild(name, (progress) => report(progress), { signal });
        generations[name] = generation.generation;
      }
      return { generations };
    });
  }
}
