/**
 * A TCP proxy between the app and PostgreSQL that stands for a network or a database that
 * goes away: it can refuse new connections (nothing listens: ECONNREFUSED), cut the open
 * ones, delay every chunk, and drop a share of connections at random moments.
 */
import net from 'node:net';

export interface DbProxy {
  port: number;
  /** The same database, reached through the proxy. */
  urlFor(target: { host: string; port: number; database: string; user: string }): string;
  /** Stops listening (new connections are refused) and cuts every open one. */
  down(): Promise<void>;
  /** Listens again on the same port. */
  up(): Promise<void>;
  /** Cuts every open connection (the server side stays up). */
  cutAll(): void;
  /** Each chunk waits this long before it is passed on. */
  delayMs: number;
  /** Share (0..1) of new connections cut after a random 0–300 ms. */
  dropRate: number;
  /** Connections cut by dropRate or chaos() so far. */
  dropped: number;
  /** Until stopped: every `periodMs`, each open connection is cut with probability `rate`. */
  chaos(rate: number, periodMs: number): () => void;
  close(): Promise<void>;
}

export async function startDbProxy(target: { host: string; port: number }): Promise<DbProxy> {
  const open = new Set<net.Socket>();
  /** The client side of each open connection, with the function that cuts both sides. */
  const pairs = new Map<net.Socket, () => void>();
  const relay = (from: net.Socket, to: net.Socket) =>
    from.on('data', (chunk) => {
      if (proxy.delayMs > 0) {
        from.pause();
        setTimeout(() => (to.write(chunk), from.resume()), proxy.delayMs);
      } else to.write(chunk);
    });
  const onConnection = (client: net.Socket) => {
    const server = net.connect(target.port, target.host);
    open.add(client).add(server);
    const cut = () => {
      client.destroy();
      server.destroy();
      open.delete(client);
      open.delete(server);
      pairs.delete(client);
    };
    pairs.set(client, cut);
    client.on('error', cut).on('close', cut);
    server.on('error', cut).on('close', cut);
    relay(client, server);
    relay(server, client);
    if (Math.random() < proxy.dropRate) {
      setTimeout(() => {
        proxy.dropped++;
        cut();
      }, Math.random() * 300).unref();
    }
  };
  let listener = net.createServer(onConnection);
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const port = (listener.address() as net.AddressInfo).port;

  const proxy: DbProxy = {
    port,
    delayMs: 0,
    dropRate: 0,
    dropped: 0,
    urlFor: (t) => `postgresql://${encodeURIComponent(t.user)}@127.0.0.1:${port}/${t.database}`,
    chaos(rate, periodMs) {
      const timer = setInterval(() => {
        for (const cut of [...pairs.values()]) {
          if (Math.random() < rate) {
            proxy.dropped++;
            cut();
          }
        }
      }, periodMs);
      return () => clearInterval(timer);
    },
    cutAll() {
      for (const s of open) s.destroy();
      open.clear();
    },
    async down() {
      const closed = new Promise<void>((resolve) => listener.close(() => resolve()));
      proxy.cutAll();
      await closed;
    },
    async up() {
      listener = net.createServer(onConnection);
      await new Promise<void>((resolve) => listener.listen(port, '127.0.0.1', resolve));
    },
    async close() {
      proxy.cutAll();
      if (listener.listening) await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
  return proxy;
}
