import { Module } from '@nestjs/common';
import { ActivateAccountService } from './commands/activate-account/activate-account.service.js';
import { ActivationsController } from './commands/activate-account/activations.controller.js';
import { EditFamilyFileService } from './commands/edit-family-file/edit-family-file.service.js';
import { FamilyFileController } from './commands/edit-family-file/family-file.controller.js';
import { ConfirmedErasureController } from './commands/forget-family/confirmed-erasure.controller.js';
import { ForgetFamilyController } from './commands/forget-family/forget-family.controller.js';
import { ForgetFamilyService } from './commands/forget-family/forget-family.service.js';
import { GuardianLoginsController } from './commands/guardian-logins/guardian-logins.controller.js';
import { GuardianLoginsService } from './commands/guardian-logins/guardian-logins.service.js';
import { InvitationsController } from './commands/invite-family/invitations.controller.js';
import { InviteFamilyService } from './commands/invite-family/invite-family.service.js';
import { FamilyQuotientModule } from './commands/quotient-and-mandate/family-quotient.module.js';
import { QuotientAndMandateController } from './commands/quotient-and-mandate/quotient-and-mandate.controller.js';
import { RegisterFamilyController } from './commands/register-family/register-family.controller.js';
import { RegisterFamilyService } from './commands/register-family/register-family.service.js';
import { FamilyPrivacyModule } from './privacy/family-privacy.module.js';
import { FamilyFileQueryController } from './queries/family-file/family-file.controller.js';
import { FamilyFileReader } from './queries/family-file/family-file.reader.js';
import { ErasurePreviewController } from './queries/erasure-preview/erasure-preview.controller.js';
import { ErasurePreviewReader } from './queries/erasure-preview/erasure-preview.reader.js';
import { FamilyChildrenReader } from './readers/children-reader.js';
import { PastErasuresController } from './queries/past-erasures/past-erasures.controller.js';
import { SearchChildrenController } from './queries/search-children/search-children.controller.js';
import { SearchFamiliesController } from './queries/search-families/search-families.controller.js';

/** Families and access: invitations, the three-step account creation, the family file, RGPD erasure. */
@Module({
  imports: [FamilyPrivacyModule, FamilyQuotientModule],
  controllers: [
    InvitationsController,
    ActivationsController,
    RegisterFamilyController,
    SearchFamiliesController,
    SearchChildrenController,
    FamilyFileQueryController,
    FamilyFileController,
    QuotientAndMandateController,
    GuardianLoginsController,
    ForgetFamilyController,
    ConfirmedErasureController,
    ErasurePreviewController,
    PastErasuresController,
  ],
  providers: [
    RegisterFamilyService,
    InviteFamilyService,
    ActivateAccountService,
    EditFamilyFileService,
    GuardianLoginsService,
    ForgetFamilyService,
    FamilyFileReader,
    ErasurePreviewReader,
    FamilyChildrenReader,
  ],
  exports: [FamilyPrivacyModule, RegisterFamilyService, InviteFamilyService, ForgetFamilyService, FamilyChildrenReader],
})
export class FamiliesModule {}
