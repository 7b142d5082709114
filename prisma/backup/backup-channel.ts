/**
 * How `npm run backup` asks a running server for a backup: one process owns the embedded
 * database (./data-dir-lock.ts), so the server takes it. The channel is a Unix socket beside
 * the data folder (`DATA_DIR/db.sock`), not an HTTP route: only someone who can already reach
 * the data folder on this machine can use it (the socket is the owner's alone, mode 0600),
 * and nothing about it is exposed on the server's port. One request, `backup`, answered with
 * one JSON line: the new backup's path, or the error.
 */
import { chmodSync, rmSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';

/** A Unix socket path longer than this (sun_path, 108 bytes with its NUL) cannot be bound. */
const MAX_SOCKET_PATH_BYTES = 107;

export function backupChannelPath(dataDir: string): string {
  return `${dataDir}.sock`;
}

export interface BackupChannel {
  close(): Promise<void>;
}

type Answer = { ok: true; file: string } | { ok: false; error: string };

/**
 * Serves backups on `socketPath`; null when the path is too long for a socket. Call it only
 * while holding the data folder's lock: a socket file already there is a dead server's.
 */
export async function serveBackupChannel(socketPath: string, takeBackup: () => Promise<string>): Promise<BackupChannel | null> {
  if (Buffer.byteLength(socketPath) > MAX_SOCKET_PATH_BYTES) return null;
  rmSync(socketPath, { force: true });
  const server: Server = createServer((socket) => {
    let request = '';
    socket.setEncoding('utf8');
    socket.on('error', () => {}); // a client that went away
    socket.on('data', (chunk: string) => {
      request += chunk;
      if (!request.includes('\n')) return;
      socket.pause();
      const answer = (a: Answer) => socket.end(`${JSON.stringify(a)}\n`);
      if (request.trim() !== 'backup') return answer({ ok: false, error: `unknown request: ${request.trim().slice(0, 40)}` });
      takeBackup().then(
        (file) => answer({ ok: true, file }),
        (e: unknown) => answer({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => resolve());
  });
  chmodSync(socketPath, 0o600);
  // The socket file is removed when the server closes.
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The server could not be asked (no socket, nobody listening, or no answer in time). */
export class BackupChannelUnavailableError extends Error {
  constructor(socketPath: string, why: string) {
    super(`no answer on ${socketPath}: ${why}`);
    this.name = 'BackupChannelUnavailableError';
  }
}

/** Asks the server listening on `socketPath` for a backup; returns its path, or throws its error. */
export function requestBackup(socketPath: string, timeoutMs = 10 * 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(socketPath);
    let reply = '';
    let connected = false;
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${Math.round(timeoutMs / 1000)} s`)));
    socket.on('connect', () => {
      connected = true;
      socket.write('backup\n');
    });
    socket.on('data', (chunk: string) => (reply += chunk));
    socket.on('error', (e) => reject(connected ? e : new BackupChannelUnavailableError(socketPath, e.message)));
    socket.on('end', () => {
      try {
        const answer = JSON.parse(reply) as Answer;
        if (answer.ok) resolve(answer.file);
        else reject(new Error(answer.error));
      } catch {
        reject(new BackupChannelUnavailableError(socketPath, 'the answer was not understood'));
      }
    });
  });
}
