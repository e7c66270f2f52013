import { townAtSentenceStart, townInSentence } from '#ardoise/runtime';
import { composeMail, frenchDateTime, linkOf, optionalTextOf, whoToCall, type RenderContext, type RenderedMail } from './layout.js';

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

/** data: link | path, name?, expiresAt? — names the town, says whom to call, and where its next e-mails may land. */
export function activationMail(data: Data, context: RenderContext): RenderedMail {
  const { town } = context;
  return composeMail(
    `Créez votre espace famille — ${town.name}`,
    greeting(data),
    [
      {
        p: `${townAtSentenceStart(town.name)} vous invite à créer votre espace famille : réservations de cantine, d’accueil périscolaire et de centre de loisirs, factures et paiements en ligne, demandes et actualités.`,
      },
      { link: linkOf(data, context), label: 'Créer mon espace famille' },
      ...validity(data),
      { p: `Une question, un souci pour créer votre espace ? ${upperFirst(whoToCall(town))}.` },
      {
        p: 'Pensez à vérifier votre dossier « courriers indésirables » (spam) : nos prochains messages (confirmations, factures) pourraient s’y ranger. Ajoutez notre adresse d’envoi à vos contacts pour les recevoir normalement.',
      },
      { p: 'Si vous n’attendiez pas ce message, vous pouvez l’ignorer.' },
    ],
    context,
  );
}

const upperFirst = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** data: link | path, name?, familyName?, expiresAt? */
export function guardianInvitationMail(data: Data, context: RenderContext): RenderedMail {
  const familyName = optionalTextOf(data, 'familyName');
  return composeMail(
    'Votre accès à l’espace famille',
    greeting(data),
    [
      {
        p: familyName
          ? `Vous êtes invité(e) à accéder à l’espace famille ${familyName} avec votre propre identifiant.`
          : 'Vous êtes invité(e) à accéder à votre espace famille avec votre propre identifiant.',
      },
      { link: linkOf(data, context), label: 'Créer mon identifiant' },
      ...validity(data),
    ],
    context,
  );
}

/** data: link | path, name?, expiresAt? */
export function passwordResetMail(data: Data, context: RenderContext): RenderedMail {
  return composeMail(
    'Réinitialisation de votre mot de passe',
    greeting(data),
    [
      { p: 'Vous avez demandé à réinitialiser le mot de passe de votre espace famille.' },
      { link: linkOf(data, context), label: 'Choisir un nouveau mot de passe' },
      ...validity(data),
      { p: 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.' },
    ],
    context,
  );
}

/** data: link | path, name?, expiresAt? */
export function emailChangeMail(data: Data, context: RenderContext): RenderedMail {
  return composeMail(
    'Confirmez votre nouvelle adresse e-mail',
    greeting(data),
    [
      { p: 'Pour utiliser cette adresse comme identifiant de votre espace famille, confirmez-la.' },
      { link: linkOf(data, context), label: 'Confirmer cette adresse' },
      ...validity(data),
      { p: 'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message.' },
    ],
    context,
  );
}

/**
 * Sent instead of a confirmation link when the new login e-mail asked for already has an
 * account: the person who asked learns it only by reading this mailbox. data: name?
 */
export function emailChangeAddressTakenMail(data: Data, context: RenderContext): RenderedMail {
  return composeMail(
    'Votre adresse e-mail a été proposée pour un autre compte',
    greeting(data),
    [
      { p: 'Quelqu’un a demandé à utiliser cette adresse comme identifiant d’un autre espace Ardoise. Elle est déjà celle d’un compte : rien n’a été changé.' },
      {
        p: 'Si c’est vous, connectez-vous avec cette adresse (ou demandez un nouveau mot de passe depuis la page de connexion). Sinon, vous pouvez ignorer ce message.',
      },
    ],
    context,
  );
}

/** data: link | path, name?, expiresAt? */
export function staffActivationMail(data: Data, context: RenderContext): RenderedMail {
  return composeMail(
    `Votre compte agent — ${context.town.name}`,
    greeting(data),
    [
      { p: `Un compte vous a été ouvert sur Ardoise, le portail des services périscolaires de ${townInSentence(context.town.name)}.` },
      { link: linkOf(data, context), label: 'Activer mon compte' },
      ...validity(data),
    ],
    context,
  );
}
