import { Module } from '@nestjs/common';
import { AcceptGuardianInvitationHandler } from './commands/accept-guardian-invitation/accept-guardian-invitation.handler.js';
import { ActivateAccountHandler } from './commands/activate-account/activate-account.handler.js';
import { AddSecondGuardianHandler } from './commands/add-second-guardian/add-second-guardian.handler.js';
import { ConfirmErasureHandler } from './commands/confirm-erasure/confirm-erasure.handler.js';
import { ForgetFamilyHandler } from './commands/forget-family/forget-family.handler.js';
import { ActivationInvitations } from './commands/invite-family/activation-invitations.js';
import { InviteFamilyHandler } from './commands/invite-family/invite-family.handler.js';
import { InviteGuardianLoginHandler } from './commands/invite-guardian-login/invite-guardian-login.handler.js';
import { RegisterChildHandler } from './commands/register-child/register-child.handler.js';
import { RegisterFamilyHandler } from './commands/register-family/register-family.handler.js';
import { RemoveChildHandler } from './commands/remove-child/remove-child.handler.js';
import { ResendInvitationHandler } from './commands/resend-invitation/resend-invitation.handler.js';
import { RevokeMandateHandler } from './commands/revoke-mandate/revoke-mandate.handler.js';
import { SignMandateHandler } from './commands/sign-mandate/sign-mandate.handler.js';
import { UpdateChildHandler } from './commands/update-child/update-child.handler.js';
import { UpdateGuardianHandler } from './commands/update-guardian/update-guardian.handler.js';
import { FamilyQuotientModule } from './family-quotient.module.js';
import { ActivationsController } from './http/activations.controller.js';
import { ConfirmedErasureController } from './http/confirmed-erasure.controller.js';
import { ErasurePreviewController } from './http/erasure-preview.controller.js';
import { FamilyFileQueryController } from './http/family-file-query.controller.js';
import { FamilyFileController } from './http/family-file.controller.js';
import { ForgetFamilyController } from './http/forget-family.controller.js';
import { GuardianLoginsController } from './http/guardian-logins.controller.js';
import { InvitationsController } from './http/invitations.controller.js';
import { PastErasuresController } from './http/past-erasures.controller.js';
import { QuotientAndMandateController } from './http/quotient-and-mandate.controller.js';
import { RegisterFamilyController } from './http/register-family.controller.js';
import { SearchChildrenController } from './http/search-children.controller.js';
import { SearchFamiliesController } from './http/search-families.controller.js';
import { FamilyPrivacyModule } from './privacy/family-privacy.module.js';
import { CheckActivationStepHandler } from './queries/check-activation-step/check-activation-step.handler.js';
import { FamilyFileHandler } from './queries/family-file/family-file.handler.js';
import { PastErasuresHandler } from './queries/past-erasures/past-erasures.handler.js';
import { PreviewErasureHandler } from './queries/preview-erasure/preview-erasure.handler.js';
import { ReadActivationLinkHandler } from './queries/read-activation-link/read-activation-link.handler.js';
import { ReadGuardianInvitationHandler } from './queries/read-guardian-invitation/read-guardian-invitation.handler.js';
import { SearchChildrenHandler } from './queries/search-children/search-children.handler.js';
import { SearchFamiliesHandler } from './queries/search-families/search-families.handler.js';
import { FamilyChildrenReader } from './readers/children-reader.js';
import { RegistrationChecks } from './registration/registration-checks.js';

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
    // commands (SetQuotient's handler lives in FamilyQuotientModule, which the worker loads too)
    InviteFamilyHandler,
    ResendInvitationHandler,
    RegisterFamilyHandler,
    ActivateAccountHandler,
    AddSecondGuardianHandler,
    UpdateGuardianHandler,
    RegisterChildHandler,
    UpdateChildHandler,
    RemoveChildHandler,
    InviteGuardianLoginHandler,
    AcceptGuardianInvitationHandler,
    SignMandateHandler,
    RevokeMandateHandler,
    ForgetFamilyHandler,
    ConfirmErasureHandler,
    // queries
    ReadActivationLinkHandler,
    CheckActivationStepHandler,
    ReadGuardianInvitationHandler,
    FamilyFileHandler,
    SearchFamiliesHandler,
    SearchChildrenHandler,
    PreviewErasureHandler,
    PastErasuresHandler,
    // the handlers' collaborators
    RegistrationChecks,
    ActivationInvitations,
    // what other contexts read
    FamilyChildrenReader,
  ],
  exports: [FamilyPrivacyModule, FamilyChildrenReader],
})
export class FamiliesModule {}
