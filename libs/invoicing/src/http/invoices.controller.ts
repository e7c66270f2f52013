import { Controller, Get, Inject, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { assertCanReadFamily, Roles } from '#ardoise/identity';
import { invoicesCsv } from '../exports/finance-csv.js';
import { sendCsv } from '../exports/french-csv.js';
import { FindInvoicesByNumber } from '../queries/find-invoices-by-number/find-invoices-by-number.query.js';
import { InvoiceNumberQuery } from '../queries/find-invoices-by-number/find-invoices-by-number.request.js';
import { GetInvoice } from '../queries/get-invoice/get-invoice.query.js';
import { ListFamilyInvoices } from '../queries/list-family-invoices/list-family-invoices.query.js';
import { ListInvoices } from '../queries/list-invoices/list-invoices.query.js';
import { InvoicesQuery } from '../queries/list-invoices/list-invoices.request.js';
import { RenderInvoicePdf } from '../queries/render-invoice-pdf/render-invoice-pdf.query.js';

@ApiTags('Facturation')
@Controller()
export class InvoicesController {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  @Get('families/:familyId/invoices')
  @ApiOperation({ summary: 'Mes factures : en cours et payées (la famille elle-même, ou le personnel)' })
  async forFamily(@Param('familyId', new ParseUUIDPipe()) familyId: string) {
    assertCanReadFamily(familyId);
    return this.queries.execute(new ListFamilyInvoices(familyId));
  }

  @Get('invoices')
  @Roles('agent', 'finance', 'admin', 'auditor')
  @ApiOperation({ summary: 'Retrouver des factures par leur numéro ou son début (recherche du back office)' })
  async byNumber(@Query() query: InvoiceNumberQuery) {
    return { invoices: await this.queries.execute(new FindInvoicesByNumber(query.number)) };
  }

  @Get('invoices/:invoiceId')
  @ApiOperation({ summary: 'Une facture : lignes, avoirs, paiements' })
  async detail(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string) {
    const invoice = await this.queries.execute(new GetInvoice(invoiceId));
    assertCanReadFamily(invoice.familyId);
    return invoice;
  }

  @Get('invoices/:invoiceId/pdf')
  @ApiOperation({ summary: 'La facture en PDF' })
  @ApiProduces('application/pdf')
  async pdfOf(@Param('invoiceId', new ParseUUIDPipe()) invoiceId: string, @Res() response: Response) {
    const pdf = await this.queries.execute(new RenderInvoicePdf(invoiceId));
    response.setHeader('Content-Type', 'application/pdf');
    response.setHeader('Content-Disposition', `inline; filename="facture-${pdf.number}.pdf"`);
    response.end(pdf.content);
  }

  @Get('finance/invoices')
  @Roles('finance', 'admin', 'auditor')
  @ApiOperation({ summary: 'Factures par statut, mois, famille, dates d’émission (format=csv pour un export)' })
  async list(@Query() query: InvoicesQuery, @Res({ passthrough: true }) response: Response) {
    const invoices = await this.queries.execute(new ListInvoices({ ...query, overdue: query.overdue === 'true' }));
    if (query.format === 'csv') return sendCsv(response, 'factures.csv', invoicesCsv(invoices));
    return { invoices };
  }
}
