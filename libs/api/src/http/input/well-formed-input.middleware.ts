import type { NextFunction, Request, Response } from 'express';
import { ValidationError } from '#ardoise/kernel';
import { firstMalformedField, isMalformedText, malformedTextError } from './malformed-input.js';

/**
 * Refuses a request whose path, query string or parsed body holds a malformed string (a NUL,
 * half a surrogate pair, a percent-encoding that decodes to neither) before any route,
 * validator or query sees it: 400 problem+json, nothing done.
 */
export function wellFormedUrl(request: Request, _response: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(request.path);
  } catch {
    return next(new ValidationError([{ field: 'path', messages: ['Cette adresse contient un encodage invalide.'] }]));
  }
  if (isMalformedText(path)) return next(malformedTextError('path'));
  const field = firstMalformedField(request.query);
  next(field === undefined ? undefined : malformedTextError(field));
}

export function wellFormedBody(request: Request, _response: Response, next: NextFunction): void {
  const field = firstMalformedField(request.body);
  next(field === undefined ? undefined : malformedTextError(field));
}
