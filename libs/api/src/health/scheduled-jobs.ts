import type { QueryBus } from '@nestjs/cqrs';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { ScheduledJobStatus } from '#ardoise/contracts';
import { ListBillingRuns } from '#ardoise/invoicing';
import type { OutboxSummary } from '#ardoise/messaging';
import { TOWN_ZONE } from '#ardoise/kernel';
import { readJobRuns, type AppConfig, type JobRun } from '#ardoise/runtime';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/**
 * The scheduled jobs as the admins see them: the monthly billing (from its runs), the
 * periodic jobs (from `job_runs`, written by the worker processes that run them) and the
 * e-mail delivery (from the outbox's summary). The billing runs are read through invoicing's query.
 */
export async function scheduledJobs(db: Kysely<any>, queries: QueryBus, outbox: OutboxSummary, config: AppConfig, now: Date): Promise<ScheduledJobStatus[]> {
  const runs = await readJobRuns(db);
  const periodic = (name: string, label: string): ScheduledJobStatus => {
    const run = runs.get(name);
    return {
      name,
      label,
      configured: true,
      lastRunAt: iso(run?.lastRunAt),
      lastOutcome: run?.lastOutcome ?? null,
      lastDetail: run?.lastDetail ?? null,
      nextRunAt: iso(run?.nextRunAt),
    };
  };
  return [
    await monthlyBilling(queries, config, now, runs),
    periodic('billing-schedule', 'Facturation : vérification de l’échéance (toutes les 5 min)'),
    periodic('payfip-repair', 'PayFIP : reprise des paiements en attente (chaque minute)'),
    periodic('audit-anchors', 'Ancres du journal (toutes les 30 s)'),
    mailDelivery(outbox, config),
  ];
}

async function monthlyBilling(queries: QueryBus, config: AppConfig, now: Date, runs: Map<string, JobRun>): Promise<ScheduledJobStatus> {
  const last = (await queries.execute(new ListBillingRuns(undefined, 1)))[0];
  const today = DateTime.fromJSDate(now, { zone: TOWN_ZONE });
  const previousPeriod = today.minus({ months: 1 }).toFormat('yyyy-MM');
  const dueThisMonth = today.set({ day: config.BILLING_RUN_DAY, hour: config.BILLING_RUN_HOUR, minute: 0, second: 0, millisecond: 0 });
  const billed = (await queries.execute(new ListBillingRuns(previousPeriod))).some((run) => run.status === 'completed' || run.status === 'running');
  // Not billed yet and already due: the next check of the schedule starts it (within 5 min of a worker being up).
  const checkAt = runs.get('billing-schedule')?.nextRunAt;
  const next = billed
    ? dueThisMonth.plus({ months: 1 })
    : dueThisMonth.toJSDate() > now
      ? dueThisMonth
      : DateTime.fromJSDate(checkAt && checkAt > now ? checkAt : now);
  return {
    name: 'billing-run',
    label: `Facturation mensuelle (le ${config.BILLING_RUN_DAY} à ${config.BILLING_RUN_HOUR} h, mois précédent)`,
    configured: true,
    lastRunAt: iso(last?.startedAt),
    lastOutcome: !last ? null : last.status === 'failed' ? 'failed' : 'ok',
    lastDetail: last
      ? `${last.period} : ${last.status === 'running' ? 'en cours' : last.status === 'failed' ? 'échec' : 'terminée'}, ${last.issued} facture(s), ${last.failed} échec(s)`
      : null,
    nextRunAt: next.toUTC().toISO(),
  };
}

function mailDelivery(outbox: OutboxSummary, config: AppConfig): ScheduledJobStatus {
  const configured = Boolean(config.SMTP_URL);
  return {
    name: 'mail-delivery',
    label: 'Envoi des e-mails (SMTP)',
    configured,
    lastRunAt: iso(outbox.lastSentAt),
    lastOutcome: outbox.lastSentAt ? 'ok' : null,
    lastDetail: configured ? null : 'SMTP non configuré : les e-mails restent dans la boîte d’envoi (retenus).',
    nextRunAt: configured ? iso(outbox.nextDueAt) : null,
  };
}
