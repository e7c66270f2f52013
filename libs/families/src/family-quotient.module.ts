import { Global, Module } from '@nestjs/common';
import { FAMILY_QUOTIENT } from '#ardoise/messaging';
import { FamilyQuotientAdapter } from './commands/set-quotient/family-quotient.adapter.js';
import { SetQuotientHandler } from './commands/set-quotient/set-quotient.handler.js';

/**
 * The quotient familial's command, also in the worker: global because messaging (below
 * families) turns QF proof requests into a quotient through its FAMILY_QUOTIENT port.
 */
@Global()
@Module({
  providers: [SetQuotientHandler, FamilyQuotientAdapter, { provide: FAMILY_QUOTIENT, useExisting: FamilyQuotientAdapter }],
  exports: [FAMILY_QUOTIENT],
})
export class FamilyQuotientModule {}
