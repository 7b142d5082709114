/**
 * A small binary-safe multipart/form-data reader for what grammY sends when
 * the bot uploads a file (sendPhoto with an InputFile). The page's uploads go
 * through @fastify/multipart instead.
 */
export type FormValue = string | { filename: string; contentType: string; bytes: Buffer };

const CRLF2 = Buffer.from('\r\n\r\n');

export function parseMultipart(body: Buffer, boundary: string): Record<string, FormValue> {
  const out: Record<string, FormValue> = {};
  const delimiter = Buffer.from(`--${boundary}`);
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) break;
    // A part is "\r\n<headers>\r\n\r\n<content>\r\n".
    const part = body.subarray(partStart + 2, next - 2);
    start = next;
    const split = part.indexOf(CRLF2);
    if (split < 0) continue;
    const head = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + CRLF2.length);
    // grammY writes `name="x"` but `filename=x` (unquoted).
    const name = /(?:^|[;\s])name="([^"]*)"/.exec(head)?.[1];
    if (!name) continue;
    const filename = /filename=(?:"([^"]*)"|([^;\r\n]*))/.exec(head);
    if (filename) {
      const contentType = /content-type:\s*([^\r\n;]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
      out[name] = { filename: (filename[1] ?? filename[2] ?? '').trim(), contentType, bytes: Buffer.from(content) };
    } else out[name] = content.toString('utf8');
  }
  return out;
}

/** The request body grammY hands to fetch: a JSON string, or a stream of multipart chunks. */
export async function readApiPayload(init: RequestInit | undefined): Promise<Record<string, unknown>> {
  const body = init?.body;
  if (body === undefined || body === null) return {};
  if (typeof body === 'string') return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const chunks: Buffer[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(Buffer.from(chunk));
  const headers = new Headers(init?.headers as ConstructorParameters<typeof Headers>[0]);
  const boundary = /boundary=("?)([^";]+)\1/.exec(headers.get('content-type') ?? '')?.[2];
  const raw = Buffer.concat(chunks);
  if (!boundary) return raw.length ? (JSON.parse(raw.toString('utf8')) as Record<string, unknown>) : {};
  const form = parseMultipart(raw, boundary);
  const payload: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form)) {
    if (typeof v !== 'string') payload[k] = v;
    else if (/^[[{]/.test(v)) {
      try {
        payload[k] = JSON.parse(v);
      } catch {
        payload[k] = v;
      }
    } else payload[k] = v;
  }
  // Attached files are referenced as attach://<name>.
  for (const [k, v] of Object.entries(payload))
    if (typeof v === 'string' && v.startsWith('attach://')) payload[k] = form[v.slice('attach://'.length)] ?? v;
  return payload;
}
