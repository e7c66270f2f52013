import { Body, Controller, Get, Header, HttpCode, Inject, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { currentContext } from '#ardoise/commands';
import { ValidationError } from '#ardoise/kernel';
import { ChangesNoData, Roles } from '#ardoise/identity';
import { ReadsFrom } from '#ardoise/projections';
import type { Anchor } from '../chain/anchor-hash.js';
import { StartRebuild } from '../commands/start-rebuild/start-rebuild.command.js';
import { StartRebuildRequest } from '../commands/start-rebuild/start-rebuild.request.js';
import { StartVerification } from '../commands/start-verification/start-verification.command.js';
import { StartVerificationRequest } from '../commands/start-verification/start-verification.request.js';
import type { AuditJob } from '../jobs/audit-jobs.js';
import { DownloadVerificationReport } from '../queries/download-verification-report/download-verification-report.query.js';
import { GetJob } from '../queries/get-job/get-job.query.js';
import { GetReportKey } from '../queries/get-report-key/get-report-key.query.js';
import { ListAnchors } from '../queries/list-anchors/list-anchors.query.js';
import { ListJobs } from '../queries/list-jobs/list-jobs.query.js';
import type { SignedReport } from '../report/report-signer.js';
import type { VerificationReport } from '../report/verification-report.js';

const jobIdPipe = () => new ParseUUIDPipe({ exceptionFactory: () => new ValidationError([{ field: 'id', messages: ['Identifiant de tâche invalide.'] }]) });

/** Rebuilds and verifications, run in the background with their progress polled here. */
@ApiTags('audit')
@Roles('auditor', 'admin')
// Reads the event log itself (or its own jobs): never waits for a read model.
@ReadsFrom()
@Controller('audit')
export class AuditJobsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post('rebuilds')
  @Roles('admin')
  @HttpCode(202)
  @ApiAcceptedResponse({ description: 'La tâche est lancée : suivez-la sur /audit/jobs/{id}' })
  @ApiOperation({ summary: 'Reconstruire un modèle de lecture (ou tous) depuis zéro, sans arrêter le service' })
  rebuild(@Body() body: StartRebuildRequest): Promise<AuditJob> {
    return this.commands.execute(new StartRebuild(body.projection, body.all === true));
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
    return this.commands.execute(new StartVerification(body.kind, body.projection));
  }

  @Get('jobs')
  @ApiOperation({ summary: 'Les dernières reconstructions et vérifications' })
  list(): Promise<AuditJob[]> {
    return this.queries.execute(new ListJobs());
  }

  @Get('jobs/:id')
  @ApiOperation({ summary: "L'avancement et le résultat d'une reconstruction ou d'une vérification" })
  get(@Param('id', jobIdPipe()) id: string): Promise<AuditJob> {
    return this.queries.execute(new GetJob(id));
  }

  @Get('jobs/:id/report')
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: "Le rapport daté et signé (Ed25519, JSON canonique RFC 8785) d'une vérification terminée, avec les empreintes des ancres" })
  async report(@Param('id', jobIdPipe()) id: string, @Res({ passthrough: true }) response: Response): Promise<SignedReport<VerificationReport>> {
    const signed = await this.queries.execute(new DownloadVerificationReport(id, currentContext().actor.userId));
    const kind = signed.report.verification.kind === 'chain' ? 'chaine' : 'modeles-de-lecture';
    response.setHeader('Content-Disposition', `attachment; filename="ardoise-verification-${kind}-${signed.report.issuedAt.slice(0, 10)}.json"`);
    return signed;
  }

  @Get('report-key')
  @ApiOperation({ summary: 'La clé publique (Ed25519) qui signe les rapports de vérification de cette instance' })
  reportKey(): Promise<{ algorithm: 'Ed25519'; publicKey: string; keyFingerprint: string }> {
    return this.queries.execute(new GetReportKey());
  }

  @Get('anchors')
  @ApiOperation({ summary: 'Les 100 dernières ancres du journal : empreinte cumulée de tous les événements, tous les N événements' })
  listAnchors(): Promise<{ every: number; anchors: Anchor[] }> {
    return this.queries.execute(new ListAnchors());
  }
}
