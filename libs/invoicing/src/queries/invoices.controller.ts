import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import type { Response } from 'express';
import { assertCanReadFamily, Roles } from '#ardoise/identity';
import { IsLocalDate } from '#ardoise/catalogue';
import { PERIOD_PATTERN } from '../domain/billing.js';
import { INVOICE_STATUS_LABELS, type InvoiceStatus } from '../domain/invoice-state.js';
import { InvoicePdf } from '../pdf/invoice-pdf.js';
import { invoicesCsv } from './finance-csv.js';
import { InvoiceQueries } from './invoice-queries.js';
import { sendCsv } from '../exports/french-csv.js';

const toInt = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value);

export class InvoicesQuery {
  @IsOptional()
  @IsIn(Object.keys(INVOICE_STATUS_LABELS), { message: 'Statut inconnu.' })
  status?: InvoiceStatus;

  @IsOptional()
  @IsString()
  @Matches(PERIOD_PATTERN, { message: 'Mois invalide (format attendu : AAAA-MM).' })
  period?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[0-9a-f-]{36}$/, { message: 'Identifiant de famille invalide.' })
  familyId?: string;

  @IsOptional()
  @IsLocalDate()
  issuedFrom?: string;

  @IsOptional()
  @IsLocalDate()
  issuedTo?: string;

  /** Text in the family's name (case ignored). */
  @IsOptional()
  @IsString()
  // eslint-disable-next-line no-control-regex -- control characters are what this pattern refuses
  @Matches(/^[^\u0000-\u001f%_\\]{2,60}$/, { message: 'Nom de famille : 2 à 60 caractères.' })
  family?: string;

  /** Amount of the invoice (total), in cents, at least / at most. */
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'Montant minimal invalide (en centimes).' })
  @Min(0)
  @Max(10_000_000)
  minCents?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'Montant maximal invalide (en centimes).' })
  @Min(0)
  @Max(10_000_000)
  maxCents?: number;

  /** `true`: only the invoices past their due date with something left to pay. */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'overdue vaut true ou false.' })
  overdue?: 'true' | 'false';

  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: 'json' | 'csv';
}

export class InvoiceNumberQuery {
  @IsString()
  @Matches(/^\d{4}-?\d{0,6}$/, { message: 'Numéro de facture invalide (par exemple 2026-000123).' })
  number!: string;
}

@ApiTags('Facturation')
@Controller()
export class InvoicesController {
  constructor(
    @Inject(InvoiceQueries) private readonly queries: InvoiceQueries,
    @Inject(InvoicePdf) private readonly pdf: InvoicePdf,
  ) {}

  @Get('families/:familyId/invoices')
  @ApiOperation({ summary: 'Mes factures : en cours et payées (la famille elle-même, ou le personnel)' })
  async forFamily(@Param('familyId', new ParseUUIDPipe()) familyId: string) {
    assertCanReadFamily(familyId);
    return this.queries.forFamily(familyId);
  }

  @Get('invoices')
  @Roles('agent', 'finance', 'admin', 'auditor')
  @ApiOperation({ summary: 'Retrouver des factures par leur numéro ou son début (recherche du back office)' })
  async byNumber(@Query() query: InvoiceNumberQuery) {
    return { invoices: await this.queries.byNumber(query.number) };
  }

  @Get('invoices/:invoiceId')
  @ApiOperation({ summary: 'Une facture : lignes, avoirs, paiements' })
  async detail(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string) {
    const invoice = await this.queries.detail(invoiceId);
    assertCanReadFamily(invoice.familyId);
    return invoice;
  }

  @Get('invoices/:invoiceId/pdf')
  @ApiOperation({ summary: 'La facture en PDF' })
  @ApiProduces('application/pdf')
  async pdfOf(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string, @Res() response: Response) {
    const summary = await this.queries.summary(invoiceId);
    assertCanReadFamily(summary.familyId);
    const content = await this.pdf.render(invoiceId);
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `inline; filename="facture-${summary.number}.pdf"`);
    response.end(content);
  }

  @Get('finance/invoices')
  @Roles('finance', 'admin', 'auditor')
  @ApiOperation({ summary: 'Factures par statut, mois, famille, dates d’émission (format=csv pour un export)' })
  async list(@Query() query: InvoicesQuery, @Res({ passthrough: true }) response: Response) {
    const invoices = await this.queries.list({ ...query, overdue: query.overdue === 'true' });
    if (query.format === 'csv') return sendCsv(response, 'factures.csv', invoicesCsv(invoices));
    return { invoices };
  }
}
