import { sql, type Kysely } from 'kysely';
import { DateTime } from 'luxon';
import type { ScheduledJobStatus } from '#ardoise/contracts';
import { TOWN_ZONE } from '#ardoise/kernel';
import { readJobRuns, type AppConfig, type JobRun } from '#ardoise/runtime';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/**
 * The scheduled jobs as the admins see them: the monthly billing (from its runs), the
 * periodic jobs (from `job_runs`, written by the worker processes that run them) and the
 * e-mail delivery (from the outbox itself).
 */
export async function scheduledJobs(db: Kysely<any>, config: AppConfig, now: Date): Promise<ScheduledJobStatus[]> {
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
    await monthlyBilling(db, config, now, runs),
    periodic('billing-schedule', 'Facturation : vérification de l’échéance (toutes les 5 min)'),
    periodic('payfip-repair', 'PayFIP : reprise des paiements en attente (chaque minute)'),
    periodic('audit-anchors', 'Ancres du journal (toutes les 30 s)'),
    await mailDelivery(db, config),
  ];
}

async function monthlyBilling(db: Kysely<any>, config: AppConfig, now: Date, runs: Map<string, JobRun>): Promise<ScheduledJobStatus> {
  const { rows } = await sql<{ period: string; status: string; started_at: Date; finished_at: Date | null; issued: number; failed: number }>`
    SELECT period, status, started_at, finished_at, issued, failed FROM invoicing_billing_runs ORDER BY started_at DESC LIMIT 1`.execute(db);
  const last = rows[0];
  const today = DateTime.fromJSDate(now, { zone: TOWN_ZONE });
  const previousPeriod = today.minus({ months: 1 }).toFormat('yyyy-MM');
  const dueThisMonth = today.set({ day: config.BILLING_RUN_DAY, hour: config.BILLING_RUN_HOUR, minute: 0, second: 0, millisecond: 0 });
  const billed = await sql<{ n: string }>`
    SELECT count(*) AS n FROM invoicing_billing_runs WHERE period = ${previousPeriod} AND status IN ('completed', 'running')`.execute(db);
  // Not billed yet and already due: the next check of the schedule starts it (within 5 min of a worker being up).
  const checkAt = runs.get('billing-schedule')?.nextRunAt;
  const next =
    Number(billed.rows[0]?.n ?? 0) > 0
      ? dueThisMonth.plus({ months: 1 })
      : dueThisMonth.toJSDate() > now
        ? dueThisMonth
        : DateTime.fromJSDate(checkAt && checkAt > now ? checkAt : now);
  return {
    name: 'billing-run',
    label: `Facturation mensuelle (le ${config.BILLING_RUN_DAY} à ${config.BILLING_RUN_HOUR} h, mois précédent)`,
    configured: true,
    lastRunAt: iso(last?.started_at),
    lastOutcome: !last ? null : last.status === 'failed' ? 'failed' : 'ok',
    lastDetail: last
      ? `${last.period} : ${last.status === 'running' ? 'en cours' : last.status === 'failed' ? 'échec' : 'terminée'}, ${last.issued} facture(s), ${last.failed} échec(s)`
      : null,
    nextRunAt: next.toUTC().toISO(),
  };
}

async function mailDelivery(db: Kysely<any>, config: AppConfig): Promise<ScheduledJobStatus> {
  const { rows } = await sql<{ last_sent: Date | null; next_due: Date | null }>`
    SELECT (SELECT max(sent_at) FROM mail_outbox) AS last_sent,
           (SELECT min(next_attempt_at) FROM mail_outbox WHERE status = 'pending') AS next_due`.execute(db);
  const configured = Boolean(config.SMTP_URL);
  return {
    name: 'mail-delivery',
    label: 'Envoi des e-mails (SMTP)',
    configured,
    lastRunAt: iso(rows[0]?.last_sent),
    lastOutcome: rows[0]?.last_sent ? 'ok' : null,
    lastDetail: configured ? null : 'SMTP non configuré : les e-mails restent dans la boîte d’envoi (retenus).',
    nextRunAt: configured ? iso(rows[0]?.next_due) : null,
  };
}
