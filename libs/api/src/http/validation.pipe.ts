import { ValidationPipe, type ValidationError as ClassValidatorError } from '@nestjs/common';
import { ValidationError, type FieldError } from '#ardoise/kernel';
import { frenchMessage } from './french-validation-messages.js';

/** Flattens nested class-validator errors into `path.to.field: [messages]`, in French. */
export function toFieldErrors(errors: ClassValidatorError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own: FieldError[] = error.constraints
      ? [{ field, messages: Object.entries(error.constraints).map(([rule, message]) => frenchMessage(rule, message, error)) }]
      : [];
    return [...own, ...toFieldErrors(error.children ?? [], field)];
  });
}

/** Every body, query and param DTO goes through this: unknown fields refused, types converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => new ValidationError(toFieldErrors(errors)),
  });
}
