import { randomUUID } from 'node:crypto';
import { DEMO_STAFF } from '#ardoise/identity';
import { SERVICE, aFamilyRegistration, type Family } from './town.js';

/** A request as the load saw it: when it started, how long it took, what came back. */
export interface Sample {
  startedAt: number;
  ms: number;
  status: number | 'network';
  problemJson: boolean;
  retryAfter: string | null;
  /** The problem's code, for 4xx/5xx answers. */
  code?: string;
}

/** Everything the API acknowledged (2xx) during the run: the checks look for each of these in the log. */
export interface Ledger {
  registrations: { key: string; familyId: string }[];
  decisions: { key: string; reservationId: string; outcome: string; childId: string; date: string }[];
  /** Commands given up after every retry (never acknowledged): allowed, counted for the report. */
  abandoned: number;
  samples: Sample[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A steady write load, as impatient but well-behaved clients make it: `concurrency` loops,
 * each registering a family now and then and otherwise putting one (child, day) in a
 * basket and validating it. Every command carries an Idempotency-Key and is retried with
 * the same key and body on a network error, a 5xx or a 409 « déjà en cours », with backoff,
 * so a command whose answer was lost is tried again — and must not act twice.
 * `baseUrl()` is read at each attempt: the API may be restarted on another port.
 */
export class WriteLoad {
  readonly ledger: Ledger = { registrations: [], decisions: [], abandoned: 0, samples: [] };
  private running = false;
  private retrying = true;
  private loops: Promise<void>[] = [];
  private cookies = '';
  private csrf = '';
  private next = 0;
  private readonly slots: { family: Family; date: string }[];

  constructor(
    private readonly baseUrl: () => string,
    families: Family[],
    days: string[],
    private readonly options: { registrationShare?: number; pauseMs?: number; retryForMs?: number } = {},
  ) {
    // Every (child, day) once, days interleaved so that each day fills up and then waitlists.
    this.slots = days.flatMap((date) => families.map((family) => ({ family, date })));
    for (let i = this.slots.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [this.slots[i], this.slots[j]] = [this.slots[j]!, this.slots[i]!];
    }
  }

  async signIn(): Promise<void> {
    const agent = DEMO_STAFF.find((s) => s.role === 'agent')!;
    const response = await fetch(`${this.baseUrl()}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: agent.email, password: agent.password }),
    });
    if (response.status !== 200) throw new Error(`load sign-in: ${response.status}`);
    const pairs = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
    this.cookies = pairs.join('; ');
    this.csrf = pairs.find((c) => c.startsWith('XSRF-TOKEN='))!.slice('XSRF-TOKEN='.length);
  }

  start(concurrency: number): void {
    this.running = true;
    this.loops = Array.from({ length: concurrency }, (_, i) => this.loop(i));
  }

  /** Stops taking new work; waits for the commands in flight (and their retries) to settle. */
  async stop(options: { retry?: boolean } = {}): Promise<Ledger> {
    this.running = false;
    if (options.retry === false) this.retrying = false;
    await Promise.all(this.loops);
    return this.ledger;
  }

  /** Resolves when every loop has ended by itself (a rush: all slots asked for). */
  async finished(): Promise<Ledger> {
    await Promise.all(this.loops);
    return this.ledger;
  }

  /** How many (child, day) the load will ask for in all. */
  get slotCount(): number {
    return this.slots.length;
  }

  /** Acknowledged commands so far. */
  get acknowledged(): number {
    return this.ledger.registrations.length + this.ledger.decisions.length;
  }

  private async loop(index: number): Promise<void> {
    let turn = index;
    while (this.running) {
      turn++;
      const share = this.options.registrationShare ?? 0.25;
      if (share === 0 && this.next >= this.slots.length) return; // a rush: every slot asked for once, then done
      if ((share > 0 && turn % Math.round(1 / share) === 0) || this.next >= this.slots.length) await this.registerFamily();
      else await this.book(this.slots[this.next++]!);
      await sleep(this.options.pauseMs ?? 20);
    }
  }

  private async registerFamily(): Promise<void> {
    const key = `reg-${randomUUID()}`;
    const answer = await this.command(key, 'POST', '/families', aFamilyRegistration(`Charge${randomUUID().slice(0, 8)}`));
    if (answer?.status === 201) this.ledger.registrations.push({ key, familyId: (answer.body as { familyId: string }).familyId });
  }

  private async book({ family, date }: { family: Family; date: string }): Promise<void> {
    const lines = await this.command(`lines-${randomUUID()}`, 'POST', `/families/${family.familyId}/basket/lines`, {
      lines: [{ childId: family.childId, serviceCode: SERVICE, date }],
    });
    if (!lines || lines.status >= 300) return;
    const key = `validate-${randomUUID()}`;
    const validation = await this.command(key, 'POST', `/families/${family.familyId}/basket/validation`, {});
    if (!validation || validation.status >= 300) return;
    for (const line of (validation.body as { lines: { reservationId: string; outcome: string; childId?: string; date?: string; serviceCode?: string }[] })
      .lines) {
      this.ledger.decisions.push({
        key,
        reservationId: line.reservationId,
        outcome: line.outcome,
        childId: line.childId ?? family.childId,
        date: line.date ?? date,
      });
    }
  }

  /** One command, retried with the same key until it gets a final answer (2xx or a 4xx other than « in progress »). */
  private async command(key: string, method: string, path: string, body: unknown): Promise<{ status: number; body: unknown } | undefined> {
    const giveUpAt = Date.now() + (this.options.retryForMs ?? 60_000);
    for (let attempt = 0; ; attempt++) {
      const startedAt = Date.now();
      let status: number | 'network' = 'network';
      let answer: { status: number; body: unknown } | undefined;
      try {
        const response = await fetch(`${this.baseUrl()}/api/v1${path}`, {
          method,
          headers: { 'content-type': 'application/json', cookie: this.cookies, 'x-xsrf-token': this.csrf, 'idempotency-key': key },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        status = response.status;
        const text = await response.text();
        this.ledger.samples.push({
          startedAt,
          ms: Date.now() - startedAt,
          status,
          problemJson: (response.headers.get('content-type') ?? '').startsWith('application/problem+json'),
          retryAfter: response.headers.get('retry-after'),
        });
        answer = { status, body: text ? JSON.parse(text) : undefined };
        if (status >= 400) this.ledger.samples.at(-1)!.code = (answer.body as { code?: string })?.code;
      } catch {
        this.ledger.samples.push({ startedAt, ms: Date.now() - startedAt, status, problemJson: false, retryAfter: null });
      }
      // « In progress » (409): the first try is still running, or its process died with the claim
      // (it expires after a minute): not acknowledged; the load moves on rather than wait.
      if (answer?.status === 409 && (answer.body as { code?: string })?.code === 'IDEMPOTENCY.IN_PROGRESS') {
        this.ledger.abandoned++;
        return undefined;
      }
      if (answer !== undefined && answer.status < 500) return answer;
      if (Date.now() > giveUpAt || !this.retrying) {
        this.ledger.abandoned++;
        return undefined;
      }
      await sleep(Math.min(2_000, 200 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random() / 2));
    }
  }
}
