import { Global, Module } from '@nestjs/common';
import { FAMILY_QUOTIENT } from '#ardoise/messaging';
import { SetQuotientService } from './set-quotient.service.js';

/** Global because messaging (below families) turns QF proof requests into a quotient through it. */
@Global()
@Module({
  providers: [SetQuotientService, { provide: FAMILY_QUOTIENT, useExisting: SetQuotientService }],
  exports: [SetQuotientService, FAMILY_QUOTIENT],
})
export class FamilyQuotientModule {}
