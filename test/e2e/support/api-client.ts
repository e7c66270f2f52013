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
