import type { BookingRulesSet, HolidayOpening } from '../domain/catalogue-events.js';
import type { SchoolYear } from '../domain/town-calendar.js';

/** School year 2026-2027 of the demo town (zone A), with every zone's holidays as published. */
export const DEMO_SCHOOL_YEAR: SchoolYear = {
  label: '2026-2027',
  zone: 'A',
  start: '2026-09-01',
  end: '2027-08-31',
  classesStart: '2026-09-01',
  classesEnd: '2027-07-02',
  schoolWeekdays: [1, 2, 4, 5],
  holidays: [
    { label: 'Vacances de la Toussaint', zones: [], start: '2026-10-17', end: '2026-11-01' },
    { label: 'Vacances de Noël', zones: [], start: '2026-12-19', end: '2027-01-03' },
    { label: 'Vacances d’hiver', zones: ['A'], start: '2027-02-13', end: '2027-02-28' },
    { label: 'Vacances d’hiver', zones: ['B'], start: '2027-02-20', end: '2027-03-07' },
    { label: 'Vacances d’hiver', zones: ['C'], start: '2027-02-06', end: '2027-02-21' },
    { label: 'Vacances de printemps', zones: ['A'], start: '2027-04-10', end: '2027-04-25' },
    { label: 'Vacances de printemps', zones: ['B'], start: '2027-04-17', end: '2027-05-02' },
    { label: 'Vacances de printemps', zones: ['C'], start: '2027-04-03', end: '2027-04-18' },
    { label: 'Pont de l’Ascension', zones: [], start: '2027-05-06', end: '2027-05-09' },
  ],
  publicHolidays: [
    { date: '2026-11-01', label: 'Toussaint' },
    { date: '2026-11-11', label: 'Armistice 1918' },
    { date: '2026-12-25', label: 'Noël' },
    { date: '2027-01-01', label: 'Jour de l’an' },
    { date: '2027-03-29', label: 'Lundi de Pâques' },
    { date: '2027-05-01', label: 'Fête du travail' },
    { date: '2027-05-06', label: 'Ascension' },
    { date: '2027-05-08', label: 'Victoire 1945' },
    { date: '2027-05-17', label: 'Lundi de Pentecôte' },
    { date: '2027-07-14', label: 'Fête nationale' },
    { date: '2027-08-15', label: 'Assomption' },
  ],
};

/** When the demo town's sessions start (what « n heures avant le début de la séance » counts from). */
export const DEMO_SESSION_STARTS: { code: string; startTime: string }[] = [
  { code: 'CANTINE', startTime: '11:45' },
  { code: 'MATIN', startTime: '07:30' },
  { code: 'SOIR', startTime: '16:30' },
  { code: 'MERCREDI', startTime: '08:30' },
  { code: 'VACANCES', startTime: '08:30' },
];

/**
 * The demo town's règlement, one form per prestation. Every prestation needs one: without
 * it, nobody can book it.
 */
export const DEMO_BOOKING_RULES: BookingRulesSet['data'][] = [
  {
    code: 'CANTINE',
    season: 'school',
    booking: { kind: 'working_days_before', days: 2, at: '10:00' },
    cancellation: { kind: 'working_days_before', days: 2, at: '10:00' },
  },
  { code: 'MATIN', season: 'school', booking: { kind: 'day_before', at: '18:00' }, cancellation: { kind: 'day_before', at: '18:00' } },
  { code: 'SOIR', season: 'school', booking: { kind: 'day_before', at: '18:00' }, cancellation: { kind: 'day_before', at: '18:00' } },
  {
    code: 'MERCREDI',
    season: 'school',
    booking: { kind: 'weekday_of_previous_week', weekday: 4, at: '23:59' },
    cancellation: { kind: 'weekday_of_week_before', weekday: 2, weeksBefore: 2, at: '23:59' },
  },
  {
    code: 'VACANCES',
    season: 'holidays',
    booking: { kind: 'day_of_previous_month', dayOfMonth: 20, at: '23:59' },
    cancellation: { kind: 'day_of_previous_month', dayOfMonth: 20, at: '23:59' },
  },
];

/** The winter holiday week (24 places) opens on Sunday 10 January 2027 at 20:00, first come first served. */
export const DEMO_OPENINGS: HolidayOpening[] = [
  {
    openingId: '6f1c2a8e-2b1e-4d9a-9c57-3f0e4b1d2a01',
    code: 'VACANCES',
    label: 'Vacances d’hiver, semaine 1',
    from: '2027-02-15',
    to: '2027-02-19',
    opensAt: '2027-01-10T19:00:00.000Z',
    mode: 'first_come',
    requestsCloseAt: null,
    priorities: [],
    lotterySeed: null,
  },
];
