import type { FamilyRegistration } from '#ardoise/families';
import { prng, seededUuid } from './seeded-random.js';

const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Thomas',
  'Petit',
  'Robert',
  'Richard',
  'Durand',
  'Dubois',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Lefebvre',
  'Leroy',
  'Roux',
  'David',
  'Bertrand',
  'Morel',
  'Fournier',
  'Girard',
  'Bonnet',
  'Dupont',
  'Lambert',
  'Fontaine',
  'Rousseau',
  'Vincent',
  'Muller',
  'Lefèvre',
  'Faure',
  'André',
  'Mercier',
  'Blanc',
  'Guérin',
  'Boyer',
  'Garnier',
  'Chevalier',
  'François',
  'Legrand',
  'Gauthier',
  'Garcia',
];
const FIRST_NAMES = [
  'Léa',
  'Hugo',
  'Inès',
  'Louis',
  'Jade',
  'Gabriel',
  'Louise',
  'Raphaël',
  'Emma',
  'Arthur',
  'Alice',
  'Jules',
  'Chloé',
  'Adam',
  'Lina',
  'Maël',
  'Rose',
  'Noah',
  'Anna',
  'Sacha',
  'Mila',
  'Nathan',
  'Zoé',
  'Tom',
];
const ADULT_NAMES = ['Claire', 'Marc', 'Sami', 'Nadia', 'Julien', 'Sophie', 'Karim', 'Isabelle', 'Thomas', 'Aurélie', 'Nicolas', 'Camille'];
const SCHOOLS = [
  ['École élémentaire Jules-Ferry', ['CP', 'CE1', 'CE2', 'CM1', 'CM2']],
  ['École maternelle Les Tilleuls', ['PS', 'MS', 'GS']],
  ['École élémentaire Jean-Moulin', ['CP', 'CE1', 'CE2', 'CM1', 'CM2']],
] as const;
const DIETS = ['standard', 'standard', 'standard', 'sans_porc', 'vegetarien'];

/** A child's habits: weekdays (1 = Monday) of the usual canteen and evening care; Wednesdays; holidays. */
export interface ChildHabits {
  canteen: number[];
  evening: number[];
  wednesday: boolean;
  holidays: boolean;
}

export interface SeededChild extends ChildHabits {
  childId: string;
}

/** A family of the seeded town: `index` is its place in every step's order. */
export interface SeededFamily {
  index: number;
  familyId: string;
  children: SeededChild[];
  /** The family's own draws (what it books, cancels, asks…), independent of the other families. */
  random: () => number;
}

export interface PlannedFamily {
  registration: FamilyRegistration;
  habits: ChildHabits[];
  /** Seed of the family's own draws. */
  seed: number;
}

/**
 * The town's families, drawn one after the other from the seed number: 1 to 3 children
 * (schools, classes, diets, some allergies) and their habits. The family ids come from the
 * seed number too, so that two seeds name their streams alike.
 */
export function planFamilies(seed: number, count: number): PlannedFamily[] {
  const random = prng(seed);
  return Array.from({ length: count }, (_, i) => planFamily(i, random, seededUuid('seed', seed, 'family', i)));
}

function planFamily(i: number, random: () => number, familyId: string): PlannedFamily {
  const pickOf = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const lastName = pickOf(LAST_NAMES);
  const childCount = random() < 0.4 ? 1 : random() < 0.8 ? 2 : 3;
  const children = Array.from({ length: childCount }, () => {
    const [school, classes] = pickOf(SCHOOLS);
    const birthYear = 2016 + Math.floor(random() * 7);
    return {
      lastName,
      firstName: pickOf(FIRST_NAMES),
      birthDate: `${birthYear}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`,
      school,
      className: pickOf(classes),
      diet: pickOf(DIETS),
      allergies: random() < 0.08 ? 'Arachide' : null,
      pai: random() < 0.05,
    };
  });
  const habits = children.map(() => {
    const fullWeek = random() < 0.7;
    return {
      canteen: fullWeek ? [1, 2, 4, 5] : [1, 2, 4, 5].filter(() => random() < 0.5),
      evening: [1, 2, 4, 5].filter(() => random() < 0.3),
      wednesday: random() < 0.3,
      holidays: random() < 0.25,
    };
  });
  const first = pickOf(ADULT_NAMES);
  const registration: FamilyRegistration = {
    familyId,
    familyName: lastName,
    contactEmail: `famille-${i}@seed.ardoise.test`,
    via: 'agent',
    guardians: {
      responsable1: {
        civility: random() < 0.5 ? 'madame' : 'monsieur',
        lastName,
        firstName: first,
        mobilePhone: `06 ${String(10 + (i % 89)).padStart(2, '0')} ${String(i % 100).padStart(2, '0')} 00 00`,
        email: `famille-${i}@seed.ardoise.test`,
        address: { line1: `${1 + (i % 120)} rue des Écoles`, postalCode: '41120', city: 'Saint-Ardoise' },
      },
    },
    children,
  } as FamilyRegistration;
  return { registration, habits, seed: Math.floor(random() * 2 ** 31) };
}

/**
 * Places a day of each prestation with a capacity, for a town of `families` families: a little
 * under what its families usually ask (1.72 children a family; 30 % of them in evening care on
 * a given day, 30 % on Wednesdays, a quarter of them on half of the holiday days), so that
 * the busiest days fill up and put children on waiting lists, as in a real town, whatever
 * its size (the demo town's 40 places on Wednesdays would turn away most of a city).
 */
export function capacitiesFor(families: number): Record<string, number> {
  const children = families * 1.72;
  const places = (share: number) => Math.max(10, Math.round(children * share * 0.95));
  return { SOIR: places(0.3), MERCREDI: places(0.3), VACANCES: places(0.25 * 0.5) };
}
