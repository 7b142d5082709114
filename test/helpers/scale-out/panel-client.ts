/**
 * A staff member using the admin panel over real HTTP, the way the browser does: the
 * login form, then AdminJS's JSON API with the session cookie (same-origin, as a
 * browser marks its own requests). One login per panel process; each request goes to
 * the next process in turn, so every process serves sessions the other one opened.
 */
import { SESSION_COOKIE } from '../../../http/cookie.ts';
import { loginForm } from '../admin.ts';

export interface PanelStats {
  requests: number;
  /** Responses with a status of 500 or more, with what was asked. */
  serverErrors: string[];
}

export interface ListedDonation {
  id: string;
  state: string;
  centerId: string;
}

export interface ConfirmOutcome {
  status: number;
  notice: { type?: string; message?: string } | undefined;
}

export class PanelClient {
  private readonly sessions: { url: string; cookie: string }[] = [];
  private turn = 0;
  readonly stats: PanelStats = { requests: 0, serverErrors: [] };
  readonly username: string;
  private readonly password: string;

  constructor(username: string, password: string) {
    this.username = username;
    this.password = password;
  }

  /** Logs in on each panel process (sessions live in the database, so either would do). */
  async loginOn(urls: string[]): Promise<void> {
    for (const url of urls) {
      const res = await this.request(url, '/admin/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: loginForm(this.username, this.password),
      });
      const cookie = res.headers
        .getSetCookie()
        .map((h) => h.split(';')[0]!)
        .find((pair) => pair.startsWith(`${SESSION_COOKIE}=`) && pair.length > SESSION_COOKIE.length + 1);
      if (res.status !== 303 || !cookie) throw new Error(`login of ${this.username} on ${url}: ${res.status} ${(await res.text()).slice(0, 200)}`);
      this.sessions.push({ url, cookie });
    }
  }

  /** REPORTED donations this login may see (AdminJS's list action, scoped by the login). */
  async reportedDonations(): Promise<ListedDonation[]> {
    const res = await this.api('GET', '/admin/api/resources/Donation/actions/list?filters.state=REPORTED&perPage=100&page=1');
    if (res.status !== 200) return [];
    const body = (await res.json()) as { records?: { id: string; params: Record<string, unknown> }[] };
    return (body.records ?? []).map((r) => ({ id: r.id, state: String(r.params.state), centerId: String(r.params.center) }));
  }

  /** The panel's confirm action (POST, as the confirmation dialog sends it). */
  async confirm(donationId: string): Promise<ConfirmOutcome> {
    const res = await this.api('POST', `/admin/api/resources/Donation/records/${encodeURIComponent(donationId)}/confirmDonation`, {});
    const body = res.status === 200 ? ((await res.json()) as { notice?: ConfirmOutcome['notice'] }) : {};
    if (res.status !== 200) await res.arrayBuffer();
    return { status: res.status, notice: body.notice };
  }

  private async api(method: 'GET' | 'POST', path: string, payload?: Record<string, unknown>): Promise<Response> {
    const session = this.sessions[this.turn++ % this.sessions.length];
    if (!session) throw new Error(`${this.username} is not logged in`);
    return this.request(session.url, path, {
      method,
      headers: {
        cookie: session.cookie,
        ...(payload ? { 'content-type': 'application/json' } : {}),
      },
      ...(payload ? { body: JSON.stringify(payload) } : {}),
    });
  }

  private async request(url: string, path: string, init: RequestInit): Promise<Response> {
    this.stats.requests++;
    const res = await fetch(`${url}${path}`, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), 'sec-fetch-site': 'same-origin' },
    });
    if (res.status >= 500) this.stats.serverErrors.push(`${init.method ?? 'GET'} ${url}${path}: ${res.status}`);
    return res;
  }
}
