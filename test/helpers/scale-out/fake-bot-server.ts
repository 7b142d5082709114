/**
 * The fake Bot API (fixtures/bot/fake-bot-api.ts) behind a real HTTP server on
 * 127.0.0.1, so bot processes started with BOT_API_ROOT=<url> talk to it as to Telegram.
 * Every call is recorded in `api.calls` (with its chat), and the screens the test users
 * read are kept in `api.screens`, as in the in-process harness. A refused call is
 * answered with Telegram's status code (400, 404 …), like the real server.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeBotApi, FAKE_BOT_TOKEN, type FakeBotApi } from '../../../fixtures/bot/fake-bot-api.ts';

export interface FakeBotServer {
  api: FakeBotApi;
  /** BOT_API_ROOT for the processes, e.g. http://127.0.0.1:40123 */
  url: string;
  token: string;
  /** Requests answered with a status of 500 or more by this server (it never does so on purpose). */
  serverErrors: number;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeBotServer(): Promise<FakeBotServer> {
  let api: FakeBotApi | undefined;
  const state = { serverErrors: 0 };
  const server: Server = createServer((req, res) => {
    void (async () => {
      try {
        if (!api) throw new Error('the fake is not ready');
        const body = await bodyOf(req);
        const headers = Object.fromEntries(
          Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string'),
        );
        const json = (headers['content-type'] ?? '').includes('json');
        // The in-process fake reads a JSON string, or a multipart body as a stream of chunks.
        const init: RequestInit = {
          method: req.method ?? 'POST',
          headers,
          ...(body.length === 0 ? {} : { body: json ? body.toString('utf8') : (toStream(body) as unknown as RequestInit['body']) }),
        };
        const answer = await api.fetch(`${api.apiRoot}${req.url ?? '/'}`, init as Parameters<FakeBotApi['fetch']>[1]);
        const bytes = Buffer.from(await answer.arrayBuffer());
        let status = answer.status;
        if (status === 200 && (answer.headers.get('content-type') ?? '').includes('json')) {
          const parsed = JSON.parse(bytes.toString('utf8')) as { ok?: boolean; error_code?: number };
          if (parsed.ok === false) status = parsed.error_code ?? 400;
        }
        res.writeHead(status, { 'content-type': answer.headers.get('content-type') ?? 'application/octet-stream' });
        res.end(bytes);
      } catch (err) {
        state.serverErrors++;
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: false, error_code: 500, description: String(err) }));
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api = createFakeBotApi({ platform: 'TELEGRAM', apiRoot: url, token: FAKE_BOT_TOKEN });
  return {
    api,
    url,
    token: FAKE_BOT_TOKEN,
    get serverErrors() {
      return state.serverErrors;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function* toStream(body: Buffer): AsyncIterable<Uint8Array> {
  yield body;
}
