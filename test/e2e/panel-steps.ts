/**
 * The panel as a person in it uses it, over its own HTTP routes: log in through the login
 * form, then GET a page or POST an action's form (what the form would send, digits in any
 * script) and expect core's success notice, or read its refusal. Shared by the end-to-end steps.
 */
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { ActionBody } from '../helpers/admin-world.ts';
import { loginAs } from '../helpers/admin.ts';

export interface Panel {
  username: string;
  get(path: string): Promise<ActionBody>;
  /** POSTs an action and expects it done (core's success notice); returns the answer. */
  act(path: string, form?: Record<string, string>): Promise<ActionBody>;
  /** POSTs an action and returns the answer, done or refused. */
  post(path: string, form?: Record<string, string>): Promise<{ status: number; body: ActionBody }>;
  /** GETs any address of the panel (a spreadsheet download) as this login. */
  download(url: string): Promise<{ status: number; type: string; body: Buffer }>;
}

/** Logs in through the login form and returns the login's panel, over /admin/api/resources/<path>. */
export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Panel> {
  const cookie = await loginAs(app, username, password);
  const send = async (method: 'GET' | 'POST', path: string, payload?: Record<string, string>) => {
    const res = await app.inject({ method, url: `/admin/api/resources/${path}`, headers: { cookie }, ...(payload ? { payload } : {}) });
    return { status: res.statusCode, body: (res.statusCode === 200 ? res.json() : {}) as ActionBody };
  };
  return {
    username,
    get: async (path) => (await send('GET', path)).body,
    post: (path, form = {}) => send('POST', path, form),
    async download(url) {
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      return { status: res.statusCode, type: String(res.headers['content-type'] ?? ''), body: res.rawPayload };
    },
    async act(path, form = {}) {
      const { status, body } = await send('POST', path, form);
      expect(status, `${username} POST ${path}`).toBe(200);
      expect(body.notice?.type, `${username} POST ${path}: ${body.notice?.message}`).toBe('success');
      return body;
    },
  };
}
