import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { RequestSummaryView, RequestThreadView } from '#ardoise/contracts';
import { currentContext } from '#ardoise/commands';
import { ValidationError } from '#ardoise/kernel';
import { assertCanReadFamily, RateLimited, Roles } from '#ardoise/identity';
import { ATTACHMENT_READERS, mayDownloadAttachments } from '../attachments/attachment-rules.js';
import { AttachmentStore } from '../attachments/attachment-store.js';
import { acceptedMediaType } from '../attachments/attachment-rules.js';
import { AttachmentUploadInterceptor, OptionalAttachmentUploadInterceptor } from '../attachments/attachment-upload.interceptor.js';
import { RequestQueries } from '../queries/request-queries.js';
import { AddRequestAttachment, CloseRequest, OpenRequest, PostRequestMessage, ReopenRequest } from './request-commands.js';
import { ListRequestsRequest, OpenRequestRequest, PostRequestMessageRequest } from './request.requests.js';
import { requestNotFound } from '../domain/request.decider.js';

/** The family a parent may see (their own); undefined for staff, who read every family. */
function ownFamily(): string | undefined {
  const actor = currentContext().actor;
  return actor.role === 'parent' ? (actor.familyId ?? '00000000-0000-0000-0000-000000000000') : undefined;
}

/** "Mes demandes": threads between a family and the town's staff, with files. */
@ApiTags('demandes')
@Controller('requests')
export class RequestsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(RequestQueries) private readonly queries: RequestQueries,
    @Inject(AttachmentStore) private readonly attachments: AttachmentStore,
  ) {}

  @Post()
  @Roles('parent', 'agent', 'admin')
  @UseInterceptors(OptionalAttachmentUploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({
    summary: 'Ouvrir une demande (une famille, ou un agent pour une famille), avec son fichier si besoin (multipart, champ « file ») : tout ou rien',
  })
  async open(@Body() body: OpenRequestRequest, @Req() request: Request): Promise<{ requestId: string; attachmentId?: string }> {
    const familyId = ownFamily() ?? body.familyId;
    if (!familyId) throw new ValidationError([{ field: 'familyId', messages: ['Indiquez la famille concernée.'] }]);
    const file = request.file ? new Uint8Array(request.file.buffer) : null;
    // The file is judged before anything is written: a refused file leaves no request without it.
    if (file) await acceptedMediaType(file);
    const opened: { requestId: string } = await this.commands.execute(new OpenRequest(familyId, body.topic, body.subject, body.body));
    if (!file) return opened;
    const attached: { attachmentId: string } = await this.commands.execute(new AddRequestAttachment(opened.requestId, file, request.file!.originalname));
    return { ...opened, attachmentId: attached.attachmentId };
  }

  @Get()
  @ApiOperation({ summary: 'Les demandes : celles de ma famille (parent), toutes ou celles d’une famille (agents)' })
  list(@Query() query: ListRequestsRequest): Promise<RequestSummaryView[]> {
    // A parent reads their own family's requests; asking for another family answers 404.
    const familyId = query.familyId ?? ownFamily();
    if (familyId) assertCanReadFamily(familyId);
    return this.queries.list({ familyId, status: query.status });
  }

  @Get(':id')
  @ApiOperation({ summary: 'Une demande, avec ses messages et ses fichiers' })
  thread(@Param('id', new ParseUUIDPipe()) id: string): Promise<RequestThreadView> {
    return this.queries.thread(id, ownFamily(), { downloads: mayDownloadAttachments(currentContext().actor.role) });
  }

  @Post(':id/messages')
  @Roles('parent', 'agent', 'admin')
  @ApiOperation({ summary: 'Écrire dans une demande (une réponse d’un agent est envoyée par e-mail à la famille)' })
  post(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: PostRequestMessageRequest): Promise<{ messageId: string }> {
    return this.commands.execute(new PostRequestMessage(id, body.body));
  }

  @Post(':id/attachments')
  @Roles('parent', 'agent', 'admin')
  @RateLimited('uploads')
  @UseInterceptors(AttachmentUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary', description: 'PDF, JPEG, PNG ou HEIC' } }, required: ['file'] },
  })
  @ApiOperation({ summary: 'Joindre un fichier (champ « file ») : PDF, JPEG, PNG ou HEIC, reconnu par son contenu' })
  attach(@Param('id', new ParseUUIDPipe()) id: string, @Req() request: Request) {
    const file = request.file!;
    return this.commands.execute(new AddRequestAttachment(id, new Uint8Array(file.buffer), file.originalname));
  }

  @Get(':id/attachments/:attachmentId')
  @Roles(...ATTACHMENT_READERS)
  @ApiProduces('application/pdf', 'image/jpeg', 'image/png', 'image/heic', 'image/heif')
  @ApiOperation({ summary: 'Télécharger un fichier d’une demande (la famille et les agents seulement)' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('attachmentId', new ParseUUIDPipe()) attachmentId: string,
    @Res() response: Response,
  ): Promise<void> {
    const file = await this.attachments.find(id, attachmentId);
    const family = ownFamily();
    if (!file || (family !== undefined && file.familyId !== family)) throw requestNotFound();
    assertCanReadFamily(file.familyId);
    response
      .status(200)
      .set({
        'Content-Type': file.mediaType,
        'Content-Length': String(file.size),
        'Content-Disposition': `attachment; filename="${file.fileName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'private, no-store',
        Digest: `sha-256=${Buffer.from(file.sha256, 'hex').toString('base64')}`,
      })
      .end(file.content);
  }

  @Post(':id/close')
  @HttpCode(204)
  @Roles('parent', 'agent', 'admin')
  @ApiOperation({ summary: 'Clore une demande' })
  async close(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.commands.execute(new CloseRequest(id));
  }

  @Post(':id/reopen')
  @HttpCode(204)
  @Roles('parent', 'agent', 'admin')
  @ApiOperation({ summary: 'Rouvrir une demande close' })
  async reopen(@Param('id', new ParseUUIDPipe()) id: string): Promise<void> {
    await this.commands.execute(new ReopenRequest(id));
  }
}
