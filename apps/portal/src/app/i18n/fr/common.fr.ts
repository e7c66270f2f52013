/** Strings shared by every page: errors, form messages, dates. */
export const commonFr = {
  errors: {
    generic: 'Votre demande n’a pas pu aboutir. Réessayez ; si le problème persiste, contactez la mairie.',
    network: 'Le serveur ne répond pas. Vérifiez votre connexion internet, puis réessayez.',
    server: 'Une erreur inattendue est survenue. Réessayez plus tard ; si elle persiste, contactez la mairie.',
    unauthenticated: 'Vous devez vous connecter.',
    forbidden: 'Vous n’avez pas accès à cette page.',
    notFound: 'Élément introuvable.',
    formTitle: 'Le formulaire contient des erreurs',
    sessionExpired: 'Votre session a expiré. Connectez-vous à nouveau pour continuer.',
  },
  forms: {
    required: 'Ce champ est obligatoire.',
    requiredSuffix: '(obligatoire)',
    requiredLegend: 'Les champs marqués d’un astérisque (*) sont obligatoires.',
    email: 'Adresse e-mail invalide (par exemple prenom.nom@exemple.fr).',
    invalid: 'Valeur invalide.',
    minLength: (n: number) => `Au moins ${n} caractères.`,
    maxLength: (n: number) => `Au plus ${n} caractères.`,
    passwordMismatch: 'Les deux mots de passe ne sont pas identiques.',
    passwordPolicy: (missing: string[]) => `Le mot de passe doit contenir ${missing.join(', ')}.`,
    passwordHint:
      'Au moins 12 caractères, avec une majuscule, une minuscule, un chiffre et un caractère spécial (par exemple ! ? - _ @).',
    sending: 'Envoi en cours…',
    loading: 'Chargement…',
    retry: 'Réessayer',
    cancel: 'Annuler',
    close: 'Fermer',
    save: 'Enregistrer',
    saved: 'Modifications enregistrées.',
  },
  dates: {
    weekdays: ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'],
    weekdaysShort: ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'],
  },
};
