import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res, UseInterceptors } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { RequestSummaryView, RequestThreadView } from '#ardoise/contracts';
import { ValidationError } from '#ardoise/kernel';
import { RateLimited, Roles } from '#ardoise/identity';
import { ATTACHMENT_READERS } from '../attachments/attachment-rules.js';
import { AttachmentUploadInterceptor, OptionalAttachmentUploadInterceptor } from '../attachments/attachment-upload.interceptor.js';
import { AddRequestAttachment } from '../commands/add-request-attachment/add-request-attachment.command.js';
import { CloseRequest } from '../commands/close-request/close-request.command.js';
import { OpenRequest } from '../commands/open-request/open-request.command.js';
import { OpenRequestRequest } from '../commands/open-request/open-request.request.js';
import { PostRequestMessage } from '../commands/post-request-message/post-request-message.command.js';
import { PostRequestMessageRequest } from '../commands/post-request-message/post-request-message.request.js';
import { ReopenRequest } from '../commands/reopen-request/reopen-request.command.js';
import { DownloadRequestAttachment } from '../queries/download-request-attachment/download-request-attachment.query.js';
import { GetRequestThread } from '../queries/get-request-thread/get-request-thread.query.js';
import { ListRequests } from '../queries/list-requests/list-requests.query.js';
import { ListRequestsRequest } from '../queries/list-requests/list-requests.request.js';
import { ownFamily } from '../threads/thread-access.js';

/** "Mes demandes": threads between a family and the town's staff, with files. */
@ApiTags('demandes')
@Controller('requests')
export class RequestsController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(QueryBus) private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('parent', 'agent', 'admin')
  @UseInterceptors(OptionalAttachmentUploadInterceptor)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({
    summary: 'Ouvrir une demande (une famille, ou un agent pour une famille), avec son fichier si besoin (multipart, champ « file ») : tout ou rien',
  })
  open(@Body() body: OpenRequestRequest, @Req() request: Request): Promise<{ requestId: string; attachmentId?: string }> {
    const familyId = ownFamily() ?? body.familyId;
    if (!familyId) throw new ValidationError([{ field: 'familyId', messages: ['Indiquez la famille concernée.'] }]);
    const file = request.file ? { content: new Uint8Array(request.file.buffer), originalName: request.file.originalname } : null;
    return this.commands.execute(new OpenRequest(familyId, body.topic, body.subject, body.body, file));
  }

  @Get()
  @ApiOperation({ summary: 'Les demandes : celles de ma famille (parent), toutes ou celles d’une famille (agents)' })
  list(@Query() query: ListRequestsRequest): Promise<RequestSummaryView[]> {
    return this.queries.execute(new ListRequests(query.familyId, query.status));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Une demande, avec ses messages et ses fichiers' })
  thread(@Param('id', new ParseUUIDPipe()) id: string): Promise<RequestThreadView> {
    return this.queries.execute(new GetRequestThread(id));
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
    const file = await this.queries.execute(new DownloadRequestAttachment(id, attachmentId));
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
