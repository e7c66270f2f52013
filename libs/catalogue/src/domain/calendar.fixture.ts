import type { SchoolYear, TownCalendar } from './town-calendar.js';

/** School year 2025-2026, zone C, as the ministry published it (for the specs). */
export const YEAR_2025_2026: SchoolYear = {
  label: '2025-2026',
  zone: 'C',
  start: '2025-09-01',
  end: '2026-08-31',
  classesStart: '2025-09-01',
  classesEnd: '2026-07-03',
  holidays: [
    { label: 'Vacances de la Toussaint', zones: [], start: '2025-10-18', end: '2025-11-02' },
    { label: 'Vacances de Noël', zones: [], start: '2025-12-20', end: '2026-01-04' },
    { label: 'Vacances d’hiver', zones: ['A'], start: '2026-02-07', end: '2026-02-22' },
    { label: 'Vacances d’hiver', zones: ['B'], start: '2026-02-14', end: '2026-03-01' },
    { label: 'Vacances d’hiver', zones: ['C'], start: '2026-02-21', end: '2026-03-08' },
    { label: 'Vacances de printemps', zones: ['A'], start: '2026-04-04', end: '2026-04-19' },
    { label: 'Vacances de printemps', zones: ['B'], start: '2026-04-11', end: '2026-04-26' },
    { label: 'Vacances de printemps', zones: ['C'], start: '2026-04-18', end: '2026-05-03' },
    { label: 'Pont de l’Ascension', zones: [], start: '2026-05-14', end: '2026-05-17' },
  ],
  publicHolidays: [
    { date: '2025-11-01', label: 'Toussaint' },
    { date: '2025-11-11', label: 'Armistice 1918' },
    { date: '2025-12-25', label: 'Noël' },
    { date: '2026-01-01', label: 'Jour de l’an' },
    { date: '2026-04-06', label: 'Lundi de Pâques' },
    { date: '2026-05-01', label: 'Fête du travail' },
    { date: '2026-05-08', label: 'Victoire 1945' },
    { date: '2026-05-14', label: 'Ascension' },
    { date: '2026-05-25', label: 'Lundi de Pentecôte' },
    { date: '2026-07-14', label: 'Fête nationale' },
    { date: '2026-08-15', label: 'Assomption' },
  ],
};

export const CALENDAR_2025_2026: TownCalendar = { years: [YEAR_2025_2026], closures: [] };
