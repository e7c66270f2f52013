import type { FamilyRegistration } from '../commands/register-family/register-family.command.js';

/**
 * The demo town's families, each with a parent login; passwords documented in the README
 * ("Demo town"). Seeded only in demo mode (SEED_DEMO).
 */
export const DEMO_FAMILIES: FamilyRegistration[] = [
  {
    familyName: 'Martin',
    contactEmail: 'claire.martin@demo.ardoise.fr',
    login: { email: 'claire.martin@demo.ardoise.fr', password: 'Demo-Parent-2026!' },
    via: 'agent',
    guardians: {
      responsable1: {
        civility: 'madame',
        lastName: 'Martin',
        firstName: 'Claire',
        mobilePhone: '06 12 34 56 78',
        email: 'claire.martin@demo.ardoise.fr',
        address: { line1: '12 rue des Écoles', postalCode: '41120', city: 'Saint-Ardoise' },
      },
      responsable2: { civility: 'monsieur', lastName: 'Martin', firstName: 'Marc', mobilePhone: '06 98 76 54 32', email: 'marc.martin@demo.ardoise.fr' },
    },
    children: [
      {
        lastName: 'Martin',
        firstName: 'Léa',
        birthDate: '2017-04-12',
        school: 'École élémentaire Jules-Ferry',
        className: 'CM1',
        diet: 'standard',
        allergies: null,
        pai: false,
      },
      {
        lastName: 'Martin',
        firstName: 'Hugo',
        birthDate: '2020-09-30',
        school: 'École maternelle Les Tilleuls',
        className: 'MS',
        diet: 'sans_porc',
        allergies: 'Arachide',
        pai: true,
      },
    ],
  },
  {
    familyName: 'Bernard',
    contactEmail: 'sami.bernard@demo.ardoise.fr',
    login: { email: 'sami.bernard@demo.ardoise.fr', password: 'Demo-Parent-2026!' },
    via: 'agent',
    guardians: {
      responsable1: {
        civility: 'monsieur',
        lastName: 'Bernard',
        firstName: 'Sami',
        mobilePhone: '07 11 22 33 44',
        email: 'sami.bernard@demo.ardoise.fr',
        address: { line1: '3 place de la Mairie', postalCode: '41120', city: 'Saint-Ardoise' },
      },
    },
    children: [
      {
        lastName: 'Bernard',
        firstName: 'Inès',
        birthDate: '2018-01-20',
        school: 'École élémentaire Jules-Ferry',
        className: 'CE2',
        diet: 'vegetarien',
        allergies: null,
        pai: false,
      },
    ],
  },
];
