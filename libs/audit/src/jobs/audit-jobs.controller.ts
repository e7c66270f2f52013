import { Body, Controller, Get, Header, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, currentContext, type Clock } from '#ardoise/commands';
import { NotFoundError, ValidationError } from '#ardoise/kernel';
import { ChangesNoData, Roles } from '#ardoise/identity';
import { ProjectionRunner, ReadsFrom } from '#ardoise/projections';
import { ChainVerifier } from '../chain/chain-verifier.js';
import { AuditAnchors } from '../chain/audit-anchors.js';
import type { Anchor } from '../chain/anchor-hash.js';
import { ReadModelVerifier } from '../read-models/read-model-verifier.js';
import { ReportSigner, type SignedReport } from '../report/report-signer.js';
import { VerificationReports, type VerificationReport } from '../report/verification-report.js';
import { AuditJobs, type AuditJob } from './audit-jobs.js';
import { StartRebuildRequest, StartVerificationRequest } from './start-job.requests.js';

/** Rebuilds and verifications, run in the background with their progress polled here. */
@ApiTags('audit')
@Roles('auditor', 'admin')
// Reads the event log itself (or its own jobs): never waits for a read model.
@ReadsFrom()
@Controller('audit')
export class AuditJobsController {
  constructor(
    @Inject(AuditJobs) private readonly jobs: AuditJobs,
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(ReadModelVerifier) private readonly readModels: ReadModelVerifier,
    @Inject(ChainVerifier) private readonly chains: ChainVerifier,
    @Inject(AuditAnchors) private readonly anchors: AuditAnchors,
    @Inject(VerificationReports) private readonly reports: VerificationReports,
    @Inject(ReportSigner) private readonly signer: ReportSigner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('rebuilds')
  @Roles('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'La tâche est lancée : suivez-la sur /audit/jobs/{id}' })
  @ApiOperation({ summary: 'Reconstruire un modèle de lecture (ou tous) depuis zéro, sans arrêter le service' })
  rebuild(@Body() body: StartRebuildRequest): Promise<AuditJob> {
    const names = this.projectionsOf(body.all ? undefined : body.projection, body.all === true);
    return this.jobs.start('rebuild', { projections: names }, currentContext().actor.userId, async (report, signal) => {
      const generations: Record<string, number> = {};
      for (const name of names) {
        const generation = await this.runner.rebuild(name, (progress) => report(progress), { signal });
        generations[name] = generation.generation;
      }
      return { generations };
    });
  }

  /**
   * Open to auditors: a verification reads the log and the read models and changes neither
   * (its only write is its own job row). Rebuilds stay with administrators.
   */
  @Post('verifications')
  @Roles('auditor', 'admin')
  @ChangesNoData()
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'La tâche est lancée : suivez-la sur /audit/jobs/{id}' })
  @ApiOperation({ summary: 'Vérifier les modèles de lecture (reconstruits à part et comparés) ou la chaîne d’empreintes des événements' })
  verify(@Body() body: StartVerificationRequest): Promise<AuditJob> {
    const actor = currentContext().actor.userId;
    if (body.kind === 'chain') {
      return this.jobs.start('verify-chain', { kind: 'chain' }, actor, (report, signal) => this.chains.verify({ onProgress: report, signal }));
    }
    const names = body.projection ? this.projectionsOf(body.projection, false) : undefined;
    return this.jobs.start('verify-read-models', { kind: 'read-models', projections: names ?? 'all' }, actor, (report, signal) =>
      this.readModels.verify({ onProgress: report, signal }, names),
    );
  }

  @Get('jobs')
  @ApiOperation({ summary: 'Les dernières reconstructions et vérifications' })
  list(): Promise<AuditJob[]> {
    return this.jobs.list();
  }

  @Get('jobs/:id')
  @ApiOperation({ summary: "L'avancement et le résultat d'une reconstruction ou d'une vérification" })
  get(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new ValidationError([{ field: 'id', messages: ['Identifiant de tâche invalide.'] }]) }))
    id: string,
  ): Promise<AuditJob> {
    return this.jobs.get(id);
  }

  @Get('jobs/:id/report')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Le rapport daté et signé (Ed25519, JSON canonique RFC 8785) d'une vérification terminée, avec les empreintes des ancres" })
  async report(
    @Param('id', new ParseUUIDPipe({ exceptionFactory: () => new ValidationError([{ field: 'id', messages: ['Identifiant de tâche invalide.'] }]) }))
    id: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SignedReport<VerificationReport>> {
    const now = this.clock.now();
    const signed = await this.reports.of(id, currentContext().actor.userId, now);
    const kind = signed.report.verification.kind === 'chain' ? 'chaine' : 'modeles-de-lecture';
    response.setHeader('Content-Disposition', `attachment; filename="ardoise-verification-${kind}-${now.toISOString().slice(0, 10)}.json"`);
    return signed;
  }

  @Get('report-key')
  @ApiOperation({ summary: 'La clé publique (Ed25519) qui signe les rapports de vérification de cette instance' })
  reportKey(): Promise<{ algorithm: 'Ed25519'; publicKey: string; keyFingerprint: string }> {
    return this.signer.publicKey();
  }

  @Get('anchors')
  @ApiOperation({ summary: 'Les 100 dernières ancres du journal : empreinte cumulée de tous les événements, tous les N événements' })
  async listAnchors(): Promise<{ every: number; anchors: Anchor[] }> {
    return { every: this.anchors.every, anchors: (await this.anchors.list()).slice(-100) };
  }

  private projectionsOf(projection: string | undefined, all: boolean): string[] {
    if (all) return this.runner.projectorNames;
    if (!projection) throw new ValidationError([{ field: 'projection', messages: ['Précisez une projection ou « all ».'] }]);
    if (!this.runner.projectorNames.includes(projection)) {
      throw new NotFoundError('AUDIT.UNKNOWN_PROJECTION', 'Projection inconnue.', `no projection named ${projection}`);
    }
    return [projection];
  }
}
