import { DateTime } from 'luxon';
import { dayStatus, isSchoolDay, isWorkingDay, type ServiceSeason, type TownCalendar } from './town-calendar.js';
import { addDays, isLocalDate, mondayOf, parisInstant, type LocalDate } from '#ardoise/kernel';

/** A wall-clock time in Paris, `HH:MM`. */
export type ClockTime = string;

/**
 * When a booking (or a cancellation) for a day stops being possible, as the town's
 * règlement says it. Data, not code: the town picks a form and its numbers; the server
 * computes the instant in Europe/Paris. A change is accepted strictly before the instant
 * ("J-2 à 10:00" → accepted at 09:59, refused at 10:00).
 */
export type DeadlineRule =
  /** "J-2 à 10:00, jours ouvrés" — n working days before (weekends and public holidays skipped). */
  | { kind: 'working_days_before'; days: number; at: ClockTime }
  /** "la veille à 18:00". */
  | { kind: 'day_before'; at: ClockTime }
  /** "le jeudi 23:59 de la semaine précédente". */
  | { kind: 'weekday_of_previous_week'; weekday: number; at: ClockTime }
  /** "le mardi de la semaine S-2" (weeksBefore = 2). */
  | { kind: 'weekday_of_week_before'; weekday: number; weeksBefore: number; at: ClockTime }
  /** "le 20 du mois précédent". */
  | { kind: 'day_of_previous_month'; dayOfMonth: number; at: ClockTime }
  /** "lecture seule à partir du 15 juin": nothing changes from that day on, whatever the day booked. */
  | { kind: 'read_only_from'; date: LocalDate }
  /** "le jour d'école précédent à 10 h" (days = 1): n days the school is open before (no Wednesday without classes, no holidays). */
  | { kind: 'school_days_before'; days: number; at: ClockTime }
  /** "2 jours de fonctionnement avant, à 12 h": n days the prestation itself runs before. */
  | { kind: 'service_days_before'; days: number; at: ClockTime }
  /** "72 heures avant le début de la séance": elapsed hours before the prestation's start time that day. */
  | { kind: 'hours_before_start'; hours: number };

/** What a rule may need to know of the prestation it applies to. */
export interface DeadlineService {
  code: string;
  weekdays: readonly number[];
  season: ServiceSeason;
  /** When its sessions start (HH:MM, Paris); null while the town has not said. */
  startTime: ClockTime | null;
}

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Checks a rule received from outside; returns the French problems (empty when valid). */
export function deadlineRuleProblems(rule: unknown): string[] {
  if (typeof rule !== 'object' || rule === null) return ['La règle doit être un objet.'];
  const r = rule as Record<string, unknown>;
  const problems: string[] = [];
  const int = (name: string, min: number, max: number) => {
    const value = r[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problems.push(`« ${name} » doit être un entier entre ${min} et ${max}.`);
    }
  };
  const time = () => {
    if (typeof r.at !== 'string' || !CLOCK_TIME.test(r.at)) problems.push('« at » doit être une heure HH:MM.');
  };
  switch (r.kind) {
    case 'working_days_before':
      int('days', 0, 30);
      time();
      break;
    case 'day_before':
      time();
      break;
    case 'weekday_of_previous_week':
      int('weekday', 1, 7);
      time();
      break;
    case 'weekday_of_week_before':
      int('weekday', 1, 7);
      int('weeksBefore', 1, 8);
      time();
      break;
    case 'day_of_previous_month':
      int('dayOfMonth', 1, 31);
      time();
      break;
    case 'read_only_from':
      if (!isLocalDate(r.date)) problems.push('« date » doit être une date AAAA-MM-JJ.');
      break;
    case 'school_days_before':
    case 'service_days_before':
      int('days', 1, 30);
      time();
      break;
    case 'hours_before_start':
      int('hours', 1, 720);
      break;
    default:
      problems.push('Forme de règle inconnue.');
  }
  return problems;
}

/** True when the rule counts from the session's start time (the prestation must have one). */
export const needsStartTime = (rule: DeadlineRule): boolean => rule.kind === 'hours_before_start';

/** A year and a bit: beyond it, a day that never comes (a prestation that never runs) ends the search. */
const MAX_DAYS_BACK = 400;

/** The day `days` qualifying days before `date` (the day itself never counts). */
function countBack(date: LocalDate, days: number, qualifies: (day: LocalDate) => boolean): LocalDate {
  let day = date;
  for (let counted = 0, walked = 0; counted < days && walked < MAX_DAYS_BACK; walked++) {
    day = addDays(day, -1);
    if (qualifies(day)) counted++;
  }
  return day;
}

/**
 * The instant after which the day `date` can no longer be booked (or cancelled) under `rule`.
 * Forms that count the prestation's own days or its start time need `service`.
 */
export function deadlineFor(rule: DeadlineRule, date: LocalDate, calendar: TownCalendar, service?: DeadlineService): Date {
  switch (rule.kind) {
    case 'school_days_before':
      return parisInstant(
        countBack(date, rule.days, (day) => isSchoolDay(calendar, day)),
        rule.at,
      );
    case 'service_days_before': {
      if (!service) throw new Error('deadline: a rule counting service days needs the service');
      return parisInstant(
        countBack(date, rule.days, (day) => dayStatus(calendar, service, day).open),
        rule.at,
      );
    }
    case 'hours_before_start': {
      if (!service?.startTime) throw new Error('deadline: a rule counting hours needs the session start time');
      // Elapsed hours: across a change of time, the wall clock of the deadline moves by one hour.
      return new Date(parisInstant(date, service.startTime).getTime() - rule.hours * 3_600_000);
    }
    case 'working_days_before': {
      let day = date;
      for (let counted = 0; counted < rule.days;) {
        day = addDays(day, -1);
        if (isWorkingDay(calendar, day)) counted++;
      }
      return parisInstant(day, rule.at);
    }
    case 'day_before':
      return parisInstant(addDays(date, -1), rule.at);
    case 'weekday_of_previous_week':
      return parisInstant(addDays(mondayOf(date), -7 + rule.weekday - 1), rule.at);
    case 'weekday_of_week_before':
      return parisInstant(addDays(mondayOf(date), -7 * rule.weeksBefore + rule.weekday - 1), rule.at);
    case 'day_of_previous_month': {
      const previous = DateTime.fromISO(date, { zone: 'utc' }).startOf('month').minus({ months: 1 });
      const day = Math.min(rule.dayOfMonth, previous.daysInMonth!);
      return parisInstant(previous.set({ day }).toISODate()!, rule.at);
    }
    case 'read_only_from':
      return parisInstant(rule.date, '00:00');
  }
}

/** True while a change for `date` is still accepted at `now`. */
export function isBeforeDeadline(rule: DeadlineRule, date: LocalDate, calendar: TownCalendar, now: Date, service?: DeadlineService): boolean {
  return now.getTime() < deadlineFor(rule, date, calendar, service).getTime();
}

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** The rule as the règlement writes it, for parents. */
export function describeDeadlineRule(rule: DeadlineRule): string {
  switch (rule.kind) {
    case 'working_days_before':
      return `${rule.days} jour(s) ouvré(s) avant, à ${rule.at}`;
    case 'day_before':
      return `la veille à ${rule.at}`;
    case 'weekday_of_previous_week':
      return `le ${WEEKDAYS[rule.weekday - 1]} de la semaine précédente à ${rule.at}`;
    case 'weekday_of_week_before':
      return `le ${WEEKDAYS[rule.weekday - 1]} de la semaine S-${rule.weeksBefore} à ${rule.at}`;
    case 'day_of_previous_month':
      return `le ${rule.dayOfMonth} du mois précédent à ${rule.at}`;
    case 'read_only_from':
      return `plus de modification à partir du ${rule.date}`;
    case 'school_days_before':
      return rule.days === 1 ? `le jour d’école précédent à ${rule.at}` : `${rule.days} jours d’école avant, à ${rule.at}`;
    case 'service_days_before':
      return rule.days === 1 ? `le jour de fonctionnement précédent à ${rule.at}` : `${rule.days} jours de fonctionnement avant, à ${rule.at}`;
    case 'hours_before_start':
      return `${rule.hours} heures avant le début de la séance`;
  }
}
