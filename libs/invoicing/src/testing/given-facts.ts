import { randomUUID } from 'node:crypto';
import type { EventStore } from '#ardoise/event-store';
import { schemaVersionOf } from '#ardoise/kernel';
import { familyStream, type QuotientFamilialSet, type DirectDebitMandateSigned } from '#ardoise/families';
import {
  serviceDayStream,
  type AbsenceJustified,
  type AttendanceRecorded,
  type DeadlineOverridden,
  type ReservationCancelled,
  type ReservationValidated,
} from '#ardoise/reservations';

/**
 * Facts of the families and reservations contexts, written to the real event store with
 * the shapes those contexts define (type-checked against their event types), for tests and
 * the benchmark that need a month of reservations without driving every booking screen.
 */
export class GivenFacts {
  constructor(private readonly store: EventStore) {}

  private async write(streamId: string, type: string, data: unknown): Promise<void> {
    const metadata = {
      actor: { userId: 'test', role: 'system' },
      correlationId: randomUUID(),
      causationId: randomUUID(),
      occurredAt: new Date().toISOString(),
      schemaVersion: schemaVersionOf(type),
    };
    await this.store.append(streamId, [{ id: randomUUID(), type, data, metadata }], { expectedRevision: 'any' });
  }

  quotient(data: QuotientFamilialSet['data']) {
    return this.write(familyStream(data.familyId), 'QuotientFamilialSet', data);
  }

  mandate(data: DirectDebitMandateSigned['data']) {
    return this.write(familyStream(data.familyId), 'DirectDebitMandateSigned', data);
  }

  /** A child's day at a service, from booking to attendance. */
  day(familyId: string, childId: string, serviceCode: string, date: string) {
    const ref = { reservationId: randomUUID(), familyId, childId, serviceCode, date };
    const stream = serviceDayStream(serviceCode, date);
    const steps: (() => Promise<void>)[] = [];
    const api = {
      booked: () => (steps.push(() => this.write(stream, 'ReservationValidated', ref satisfies ReservationValidated['data'])), api),
      late: (lateSurcharge = true) => (
        steps.push(() =>
          this.write(stream, 'DeadlineOverridden', {
            ...ref,
            action: 'booking',
            deadline: `${date}T08:00:00.000Z`,
            reason: 'Retour d’hospitalisation',
            by: 'agent',
            lateSurcharge,
          } satisfies DeadlineOverridden['data']),
        ),
        api
      ),
      cancelled: () => (
        steps.push(() =>
          this.write(stream, 'ReservationCancelled', {
            ...ref,
            by: 'parent',
            reason: null,
            afterDeadline: false,
            previousStatus: 'validated',
          } satisfies ReservationCancelled['data']),
        ),
        api
      ),
      justified: () => (
        steps.push(() =>
          this.write(stream, 'AbsenceJustified', {
            ...ref,
            document: 'medical_certificate',
            reference: 'CERT-1',
            charged: false,
          } satisfies AbsenceJustified['data']),
        ),
        api
      ),
      attended: (status: AttendanceRecorded['data']['status']) => (
        steps.push(() =>
          this.write(stream, 'AttendanceRecorded', {
            serviceCode,
            date,
            childId,
            familyId,
            reservationId: status === 'present_unbooked' ? null : ref.reservationId,
            status,
          } satisfies AttendanceRecorded['data']),
        ),
        api
      ),
      write: async () => {
        for (const step of steps) await step();
      },
    };
    return api;
  }
}
