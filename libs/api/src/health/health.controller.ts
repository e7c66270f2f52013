import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { HealthReport } from '#ardoise/contracts';
import { Public } from '#ardoise/identity';
import { HealthService } from './health.service.js';

@Public()
@ApiTags('exploitation')
@Controller('health')
export class HealthController {
  constructor(@Inject(HealthService) private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: "État du service : base de données, magasin d'événements, retard des projections" })
  @ApiOkResponse({ description: 'Service disponible ou dégradé (503 quand indisponible)' })
  async get(@Res({ passthrough: true }) response: Response): Promise<HealthReport> {
    const report = await this.health.report();
    if (report.status === 'down') response.status(503);
    return report;
  }
}
