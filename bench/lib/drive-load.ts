/**
 * Bench 6's load on a running server, over HTTP: every demo login signs in to the panel and
 * opens the list pages and the dashboard; then, when the playground answers, three identities
 * chat with the bot. The same load for every server measured, so their memory compares.
 */

/** The logins the demo seed writes (seed/demo.ts). */
export const DEMO_LOGINS = [
  ['admin', 'demo-admin-1403'],
  ['supervisor', 'demo-supervisor-1403'],
  ['mashhad', 'demo-mashhad-1403'],
  ['auditor', 'demo-auditor-1403'],
  ['finance', 'demo-finance-1403'],
] as const;
export const LIST_PAGES = ['Donation', 'Donor', 'Center', 'Pledge', 'TrusteeTask', 'Beneficiary', 'AuditLog', 'OutboxMessage'];

/** Panel logins and list pages, and playground chats when the playground is on. */
export async function driveLoad(base: string, rounds: number): Promise<{ requests: number; failures: number }> {
  let requests = 0;
  let failures = 0;
  const check = (ok: boolean) => {
    requests++;
    if (!ok) failures++;
  };
  for (let round = 0; round < rounds; round++) {
    for (const [username, password] of DEMO_LOGINS) {
      const login = await fetch(`${base}/admin/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ username, password }).toString(),
        redirect: 'manual',
      });
      check(login.status === 303);
      const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      const pages = await Promise.all(
        LIST_PAGES.map((r) => fetch(`${base}/admin/api/resources/${r}/actions/list?page=1`, { headers: { cookie } }).then(async (res) => (await res.arrayBuffer(), res.status))),
      );
      // A role may not see every resource (403/404): only server errors count as failures.
      for (const status of pages) check(status < 500);
      const dashboard = await fetch(`${base}/admin`, { headers: { cookie } });
      await dashboard.arrayBuffer();
      check(dashboard.status < 500);
    }
    const playground = await fetch(`${base}/playground/api/state`);
    await playground.arrayBuffer();
    if (playground.status === 404) continue;
    for (const identity of ['new-donor', 'demo-donor', 'volunteer']) {
      const start = await fetch(`${base}/playground/api/identity`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identity }),
      });
      await start.arrayBuffer();
      check(start.status < 500);
      const cookie = start.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
      for (const text of ['/start', 'سلام', '/help']) {
        const sent = await fetch(`${base}/playground/api/send`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ text }) });
        await sent.arrayBuffer();
        check(sent.status < 500);
      }
      const state = await fetch(`${base}/playground/api/state`, { headers: { cookie } });
      await state.arrayBuffer();
      check(state.status < 500);
    }
  }
  return { requests, failures };
}
