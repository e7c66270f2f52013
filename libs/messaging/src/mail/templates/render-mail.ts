import type { MailTemplate } from '#ardoise/runtime';
import {
  activationMail,
  emailChangeAddressTakenMail,
  emailChangeMail,
  guardianInvitationMail,
  passwordResetMail,
  staffActivationMail,
} from './account-mails.js';
import {
  directDebitScheduledMail,
  invoiceAvailableMail,
  paymentReceivedMail,
  requestReplyMail,
  reservationConfirmationMail,
  waitlistPromotionMail,
} from './family-mails.js';
import type { RenderContext, RenderedMail } from './layout.js';

type Template = (data: Record<string, unknown>, context: RenderContext) => RenderedMail;

/** Every MailTemplate has its French text + HTML rendering (the compiler checks none is missing). */
const TEMPLATES: Record<MailTemplate, Template> = {
  activation: activationMail,
  'guardian-invitation': guardianInvitationMail,
  'password-reset': passwordResetMail,
  'email-change': emailChangeMail,
  'email-change-address-taken': emailChangeAddressTakenMail,
  'staff-activation': staffActivationMail,
  'reservation-confirmation': reservationConfirmationMail,
  'waitlist-promotion': waitlistPromotionMail,
  'invoice-available': invoiceAvailableMail,
  'payment-received': paymentReceivedMail,
  'direct-debit-scheduled': directDebitScheduledMail,
  'request-reply': requestReplyMail,
};

export const MAIL_TEMPLATES = Object.keys(TEMPLATES) as MailTemplate[];

export function renderMail(template: MailTemplate, data: Record<string, unknown>, context: RenderContext): RenderedMail {
  const render = TEMPLATES[template];
  if (!render) throw new Error(`unknown mail template ${String(template)}`);
  return render(data, context);
}
