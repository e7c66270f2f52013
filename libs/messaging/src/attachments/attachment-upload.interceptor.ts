import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import multer from 'multer';
import type { Observable } from 'rxjs';
import { ValidationError } from '#ardoise/kernel';
import { AppConfig } from '#ardoise/runtime';
import { attachmentTooLarge } from './attachment-rules.js';

export const ATTACHMENT_FIELD = 'file';

/**
 * Reads one multipart file (field `file`) into memory, refusing it as soon as it passes
 * ATTACHMENT_MAX_MB (multer stops reading), with French errors instead of multer's.
 */
@Injectable()
export class AttachmentUploadInterceptor implements NestInterceptor {
  private readonly upload: ReturnType<ReturnType<typeof multer>['single']>;
  /** false: a JSON body, or a form without a file, is let through (see OptionalAttachmentUploadInterceptor). */
  protected readonly fileRequired: boolean = true;

  constructor(@Inject(AppConfig) private readonly config: AppConfig) {
    this.upload = multer({
      storage: multer.memoryStorage(),
      // fieldSize in bytes: a 10,000-character message with accents and emoji.
      limits: { fileSize: config.ATTACHMENT_MAX_MB * 1024 * 1024, files: 1, fields: 5, fieldSize: 40_000, parts: 6 },
    }).single(ATTACHMENT_FIELD);
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (!request.is('multipart/form-data')) {
      if (this.fileRequired) throw missingFile();
      return next.handle();
    }
    await new Promise<void>((resolve, reject) =>
      this.upload(request, http.getResponse<Response>(), (error: unknown) => (error ? reject(this.translate(error)) : resolve())),
    );
    if (!request.file && this.fileRequired) throw missingFile();
    return next.handle();
  }

  private translate(error: unknown): unknown {
    if (error instanceof multer.MulterError) {
      if (error.code === 'LIMIT_FILE_SIZE') return attachmentTooLarge(this.config.ATTACHMENT_MAX_MB);
      return new ValidationError([{ field: ATTACHMENT_FIELD, messages: ['Envoyez un seul fichier, dans le champ « file ».'] }]);
    }
    // busboy's errors (a cut or malformed upload) are bad input, never a 500.
    return new ValidationError([{ field: ATTACHMENT_FIELD, messages: ['Le fichier envoyé est incomplet ou mal formé : réessayez.'] }]);
  }
}

function missingFile(): ValidationError {
  return new ValidationError([{ field: ATTACHMENT_FIELD, messages: ['Joignez un fichier (PDF, JPEG, PNG ou HEIC).'] }]);
}

/** The same, for a message that may come with its file (multipart) or alone (JSON). */
@Injectable()
export class OptionalAttachmentUploadInterceptor extends AttachmentUploadInterceptor {
  protected override readonly fileRequired = false;
}
