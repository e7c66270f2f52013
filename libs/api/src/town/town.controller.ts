import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { LEGAL_PAGE_SLUGS, type LegalPage, type LegalPageSlug, type TownProfile } from '#ardoise/contracts';
import { Public } from '#ardoise/identity';
import { NotFoundError } from '#ardoise/kernel';
import { Town } from '#ardoise/runtime';

/** The town that runs the portal, for every visitor: its identity, coat of arms and legal pages. */
@Public()
@ApiTags('commune')
@Controller('town')
export class TownController {
  constructor(@Inject(Town) private readonly town: Town) {}

  @Get()
  @ApiOperation({ summary: 'La commune : nom, régie, coordonnées, horaires, couleurs, blason et pages légales' })
  @ApiOkResponse({ description: 'Identité de la commune (TownProfile)' })
  profile(@Res({ passthrough: true }) response: Response): TownProfile {
    response.setHeader('Cache-Control', 'public, max-age=300');
    return this.town.profile();
  }

  @Get('logo')
  @ApiOperation({ summary: 'Le blason ou logo de la commune (SVG ou PNG)' })
  @ApiProduces('image/svg+xml', 'image/png')
  @ApiOkResponse({ description: 'L’image' })
  logo(@Res() response: Response): void {
    const { contentType, bytes } = this.town.logo;
    response.setHeader('Content-Type', contentType);
    response.setHeader('Cache-Control', 'public, max-age=86400');
    // Opened on its own, an SVG is a document: it may draw, never run anything.
    response.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.end(bytes);
  }

  @Get('legal/:slug')
  @ApiOperation({ summary: 'Une page légale : mentions légales, déclaration d’accessibilité (RGAA), données personnelles' })
  @ApiParam({ name: 'slug', enum: LEGAL_PAGE_SLUGS })
  @ApiOkResponse({ description: 'La page, en sections (LegalPage)' })
  @ApiNotFoundResponse({ description: 'Page inconnue' })
  legalPage(@Param('slug') slug: string, @Res({ passthrough: true }) response: Response): LegalPage {
    if (!LEGAL_PAGE_SLUGS.includes(slug as LegalPageSlug)) throw new NotFoundError('TOWN.LEGAL_PAGE_NOT_FOUND', 'Page introuvable.');
    response.setHeader('Cache-Control', 'public, max-age=300');
    return this.town.legalPage(slug as LegalPageSlug);
  }
}
