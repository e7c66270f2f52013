import type { ExplainedEvent } from '#ardoise/contracts';
import type { PositionCodec, RecordedEvent } from '#ardoise/event-store';
import { formatDecimal, formatFrenchDate } from '../domain/money.js';

/** « 02/03/2026 » for AAAA-MM-JJ (anything else as is). */
const day = (value: unknown) => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatFrenchDate(value) : String(value));

/**
 * The fields of each event that explain an amount. Anything else (and every field not named
 * here) stays out of the finance office's view: the event browser of /audit shows the rest.
 */
const RELEVANT: Record<string, string[]> = {
  ReservationValidated: ['reservationId', 'childId', 'serviceCode', 'date'],
  ReservationPromoted: ['reservationId', 'childId', 'serviceCode', 'date'],
  ReservationWaitlisted: ['reservationId', 'childId', 'serviceCode', 'date', 'rank'],
  ReservationRejected: ['reservationId', 'childId', 'serviceCode', 'date', 'code'],
  ReservationSubmitted: ['reservationId', 'childId', 'serviceCode', 'date'],
  ReservationCancelled: ['reservationId', 'childId', 'serviceCode', 'date', 'by', 'reason', 'afterDeadline'],
  DeadlineOverridden: ['reservationId', 'childId', 'serviceCode', 'date', 'action', 'deadline', 'reason', 'by'],
  AbsenceDeclared: ['reservationId', 'childId', 'serviceCode', 'date'],
  AbsenceJustified: ['reservationId', 'childId', 'serviceCode', 'date', 'document', 'charged'],
  AttendanceRecorded: ['reservationId', 'childId', 'serviceCode', 'date', 'status', 'markedAt', 'superseded'],
  TariffSet: ['serviceCode', 'version', 'effectiveFrom', 'brackets', 'lateBookingSurchargeCents', 'unbookedPresenceSurchargeCents'],
  QuotientFamilialSet: ['amount', 'validFrom', 'validUntil'],
  InvoiceIssued: ['invoiceId', 'number', 'period', 'kind', 'issuedOn', 'dueDate', 'totalCents', 'tariffs'],
};

/**
 * Health data never reaches the finance office: the reason a parent gave for an absence
 * (often an illness) and the medical certificate's reference. Named, so the page can say so.
 */
const HEALTH: Record<string, string[]> = {
  AbsenceDeclared: ['reason'],
  AbsenceJustified: ['reference'],
};

const ATTENDANCE: Record<string, string> = { present: 'présent', absent: 'absent', excused: 'absent excusé', present_unbooked: 'présent sans réservation' };

function summaryOf(type: string, d: Record<string, any>): string {
  switch (type) {
    case 'ReservationValidated':
      return `Réservation validée pour le ${day(d.date)}`;
    case 'ReservationPromoted':
      return `Place obtenue depuis la liste d’attente pour le ${day(d.date)}`;
    case 'ReservationWaitlisted':
      return `Mise en liste d’attente (rang ${d.rank})`;
    case 'ReservationRejected':
      return `Demande refusée (${d.code})`;
    case 'ReservationSubmitted':
      return 'Demande déposée pendant la période d’attribution';
    case 'ReservationCancelled':
      return `Réservation annulée par ${d.by === 'agent' ? 'un agent' : 'la famille'}${d.afterDeadline ? ', après le délai' : ''}`;
    case 'DeadlineOverridden':
      return `Délai dépassé, ${d.action === 'booking' ? 'réservation' : 'annulation'} autorisée par un agent (motif : « ${d.reason} »)`;
    case 'AbsenceDeclared':
      return 'Absence signalée par la famille';
    case 'AbsenceJustified':
      return 'Absence justifiée par un certificat médical : non facturée';
    case 'AttendanceRecorded':
      return `Pointage : ${ATTENDANCE[d.status] ?? d.status}${d.superseded ? ' (remplacé par un pointage plus récent, sans effet)' : ''}`;
    case 'TariffSet':
      return `Grille tarifaire ${d.serviceCode}, version ${d.version}, en vigueur à partir du ${day(d.effectiveFrom)}`;
    case 'QuotientFamilialSet':
      return `Quotient familial de ${d.amount} €, valable du ${day(d.validFrom)} au ${day(d.validUntil)}`;
    case 'InvoiceIssued':
      return `Facture ${d.number} émise le ${day(d.issuedOn)} pour ${formatDecimal(d.totalCents)} €`;
    default:
      return type;
  }
}

/** One event as « Pourquoi ce montant ? » shows it. */
export function explainEvent(event: RecordedEvent, positions: PositionCodec, decisive = false): ExplainedEvent {
  const all = (event.data ?? {}) as Record<string, unknown>;
  const fields = RELEVANT[event.type] ?? [];
  const health = HEALTH[event.type] ?? [];
  const data = Object.fromEntries(fields.filter((f) => f in all && !health.includes(f)).map((f) => [f, all[f]]));
  return {
    eventId: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: positions.encode(event.position),
    recordedAt: new Date(event.recordedAt).toISOString(),
    occurredAt: event.metadata.occurredAt,
    actorRole: event.metadata.actor.role,
    summary: summaryOf(event.type, all as Record<string, any>),
    data,
    redacted: health.filter((f) => f in all),
    decisive,
  };
}
