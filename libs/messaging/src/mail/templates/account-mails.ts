import { composeMail, frenchDateTime, linkOf, optionalTextOf, type RenderContext, type RenderedMail } from './layout.js';

type Data = Record<string, unknown>;

const greeting = (data: Data) => {
  const name = optionalTextOf(data, 'name');
  return name ? `Bonjour ${name},` : 'Bonjour,';
};

/** "valable jusqu'au …" when the caller gives the link's expiry. */
const validity = (data: Data): { p: string }[] => {
  const expiresAt = optionalTextOf(data, 'expiresAt');
  return expiresAt ? [{ p: `Ce lien est valable jusqu'au ${frenchDateTime(expiresAt)} et ne peut servir qu'une fois.` }] : [];
};

/** data: link | path, name?, expiresAt? */
export function activationMail(data: Data, context: RenderContext): RenderedMail {
  return composeMail('Créez votre espace famille', greeting(data), [
    { p: 'Le service périscolaire de votre commune vous invite à créer votre espace famille sur Ardoise : réservations de cantine, d’accueil et de centre de loisirs, factures et paiements en ligne, demandes et actualités.' },
    { link: linkOf(data, context), label: 'Créer mon espace famille' },
    ...validity(data),
    { p: 'Si vous n’attendiez pas ce message, vous pouvez l’ignorer.' },
  ]);
}

/** data: link | path, name?, familyName?, expiresAt? */
export function guardianInvitationMail(data: Data, context: RenderContext): RenderedMail {
  const familyName = optionalTextOf(data, 'familyName');
  return composeMail('Votre accès à l’espace famille', greeting(data), [
    { p: familyName ? `Vous êtes invité(e) à accéder à l’espace famille ${familyName} avec votre propre identifiant.` : 'Vous êtes invité(e) à accéder à votre espace famille avec votre propre identifiant.' },
    { link: linkOf(data, context), label: 'Créer mon identifiant' },
    ...validity(data),
  ]);
}

/** data: link | path, name?, expiresAt? */
export function passwordResetMail(data: Data, context: RenderContext): RenderedMail {
  return composeMail('Réinitialisation de votre mot de passe', greeting(data), [
    { p: 'Vous avez demandé à réinitialiser le mot de passe de votre espace famille.' },
    { link: linkOf(data, context), label: 'Choisir un nouveau mot de passe' },
    ...validity(data),
    { p: 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.' },
  ]);
}

/** data: link | path, name?, expiresAt? */
export function emailChangeMail(data: Data, context: RenderContext): RenderedMail {
  return composeMail('Confirmez votre nouvelle adresse e-mail', greeting(data), [
    { p: 'Pour utiliser cette adresse comme identifiant de votre espace famille, confirmez-la.' },
    { link: linkOf(data, context), label: 'Confirmer cette adresse' },
    ...validity(data),
    { p: 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.' },
  ]);
}

/**
 * Sent instead of a confirmation link when the new login e-mail asked for already has an
 * account: the person who asked learns it only by reading this mailbox. data: name?
 */
export function emailChangeAddressTakenMail(data: Data, _context: RenderContext): RenderedMail {
  return composeMail('Votre adresse e-mail a été proposée pour un autre compte', greeting(data), [
    { p: 'Quelqu’un a demandé à utiliser cette adresse comme identifiant d’un autre espace Ardoise. Elle est déjà celle d’un compte : rien n’a été changé.' },
    { p: 'Si c’est vous, connectez-vous avec cette adresse (ou demandez un nouveau mot de passe depuis la page de connexion). Sinon, vous pouvez ignorer ce message.' },
  ]);
}

/** data: link | path, name?, expiresAt? */
export function staffActivationMail(data: Data, context: RenderContext): RenderedMail {
  return composeMail('Votre compte agent sur Ardoise', greeting(data), [
    { p: 'Un compte vous a été ouvert sur Ardoise, le portail des services périscolaires de la commune.' },
    { link: linkOf(data, context), label: 'Activer mon compte' },
    ...validity(data),
  ]);
}
