/**
 * A tiny cookie-keeping client for what happens outside the parent's browser in a journey:
 * the town's agent inviting a family and reading the activation e-mail from the outbox.
 * It sends the CSRF cookie back as X-XSRF-TOKEN, as the portal does.
 */
export class ApiClient {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  static async signedIn(baseUrl: string, email: string, password: string): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    await client.json('POST', '/auth/login', { email, password });
    return client;
  }

  async json<T = any>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, body);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async send(method: string, path: string, body?: unknown): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const csrf = this.cookies.get('XSRF-TOKEN');
    if (csrf && method !== 'GET') headers['x-xsrf-token'] = csrf;
    if (this.cookies.size) headers['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
    return response;
  }
}

export const DEMO_AGENT = { email: 'agent@demo.ardoise.fr', password: 'Demo-Agent-2026!' };
export const DEMO_PARENT = { email: 'claire.martin@demo.ardoise.fr', password: 'Demo-Parent-2026!' };

/** The newest e-mail to `to` in the outbox, and the token of its `/<path>/<token>` link. */
export async function linkFromOutbox(agent: ApiClient, to: string, path: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const page = await agent.json<{ items: { id: string }[] }>('GET', `/outbox?to=${encodeURIComponent(to)}`);
    if (page.items[0]) {
      const mail = await agent.json<{ text: string }>('GET', `/outbox/${page.items[0].id}`);
      const match = new RegExp(`/${path}/([A-Za-z0-9_-]+)`).exec(mail.text);
      if (match) return match[1]!;
    }
    if (Date.now() > deadline) throw new Error(`no /${path}/ link in an e-mail to ${to}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** An agent invites a family; returns the activation token from the e-mail. */
export async function inviteFamily(baseUrl: string, email: string, familyName: string): Promise<{ familyId: string; token: string }> {
  const agent = await ApiClient.signedIn(baseUrl, DEMO_AGENT.email, DEMO_AGENT.password);
  const { familyId } = await agent.json<{ familyId: string }>('POST', '/families/invitations', { email, familyName });
  return { familyId, token: await linkFromOutbox(agent, email, 'activation') };
}

export const DEMO_FINANCE = { email: 'finances@demo.ardoise.fr', password: 'Demo-Finances-2026!' };

/** The first and last day of the month before `day` (AAAA-MM-JJ), and its AAAA-MM. */
export function previousMonth(day = new Date().toISOString().slice(0, 10)): { from: string; to: string; period: string } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10), period: first.toISOString().slice(0, 7) };
}

/**
 * What the town's staff do before a parent can pay: an agent books, late and on the family's
 * behalf, the canteen on last month's Mondays and Tuesdays (recorded as an override), and
 * finance runs last month's billing, which issues the family's invoice.
 */
export async function billLastMonth(baseUrl: string, familyId: string): Promise<void> {
  const month = previousMonth();
  const agent = await ApiClient.signedIn(baseUrl, DEMO_AGENT.email, DEMO_AGENT.password);
  // The family file is a read model: just after the account was created, it may not list the children yet.
  const read = () => agent.json<{ children: { childId: string }[] }>('GET', `/families/${familyId}`).catch(() => ({ children: [] }));
  let file = await read();
  for (let attempt = 0; file.children.length === 0 && attempt < 60; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    file = await read();
  }
  const added = await agent.json<{ added: unknown[] }>('POST', `/families/${familyId}/basket/agenda`, {
    childId: file.children[0]!.childId,
    serviceCode: 'CANTINE',
    from: month.from,
    to: month.to,
    weekdays: [1, 2],
  });
  if (added.added.length === 0) throw new Error(`no canteen day to bill in ${month.period} (outside the demo calendar?)`);
  await agent.json('POST', `/families/${familyId}/basket/validation`, { overrideReason: 'Inscription tardive au guichet' });

  const finance = await ApiClient.signedIn(baseUrl, DEMO_FINANCE.email, DEMO_FINANCE.password);
  const tariffs = await finance.json<{ tariffs: { serviceCode: string }[] }>('GET', '/tariffs');
  if (!tariffs.tariffs.some((t) => t.serviceCode === 'CANTINE')) {
    await finance.json('PUT', '/tariffs/CANTINE', {
      effectiveFrom: month.from,
      brackets: [{ code: 'T1', label: 'Toutes tranches', qfFrom: 0, qfTo: null, unitPriceCents: 350 }],
      lateBookingSurchargeCents: 100,
      unbookedPresenceSurchargeCents: 200,
    });
  }
  // The run reads the read models, a few milliseconds behind the validation: run again
  // until the family's invoice is issued (a re-run never bills twice).
  for (let attempt = 0; attempt < 20; attempt++) {
    if ((await runBilling(finance, month.period)) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the billing run of ${month.period} issued no invoice`);
}

async function runBilling(finance: ApiClient, period: string): Promise<number> {
  const run = await finance.json<{ runId: string }>('POST', '/billing-runs', { period });
  for (let i = 0; i < 100; i++) {
    const state = await finance.json<{ status: string; issued: number; errors: unknown[] }>('GET', `/billing-runs/${run.runId}`);
    if (state.status !== 'running') {
      if (state.errors.length) throw new Error(`billing run: ${JSON.stringify(state.errors)}`);
      return state.issued;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('billing run did not finish');
}
