/**
 * Choosing who you are in the playground: a new donor gets the bot's welcome,
 * a demo donor's and a volunteer's chats are linked to demo people, and a
 * trustee's chat is linked with a one-time code sent for them. The chat
 * account is marked PLAYGROUND.
 */
import { describe, expect, it } from 'vitest';
import { usePlaygroundServer } from '../helpers/playground.ts';
import { chooseIdentity, type PgState } from './client.ts';

const playground = usePlaygroundServer({ jobs: false });

async function accountOf(state: PgState) {
  return playground.database.db.chatAccount.findUniqueOrThrow({
    where: { platform_externalUserId: { platform: 'PLAYGROUND', externalUserId: state.chat!.id } },
  });
}

describe('identities', () => {
  it('lists the identities and the demo centers with their /start links', async () => {
    const res = await playground.server.app.inject({ method: 'GET', url: '/playground/api/state' });
    expect(res.statusCode).toBe(200);
    const state = res.json() as PgState;
    expect(state.chat).toBeNull();
    expect(state.identities).toEqual([
      { key: 'new-donor', available: true },
      { key: 'demo-donor', available: true },
      { key: 'volunteer', available: true },
      { key: 'trustee', available: true },
    ]);
    expect(state.centers.length).toBeGreaterThan(0);
    for (const c of state.centers) expect(c.startCommand).toBe(`/start c_${c.code}`);
  });

  it('a new donor gets a fresh PLAYGROUND chat with the bot welcome', async () => {
    const { state } = await chooseIdentity(playground.server.app, { identity: 'new-donor' });
    expect(state.chat).toMatchObject({ identity: 'new-donor', userLanguage: 'fa' });
    expect(state.chat!.id).toMatch(/^\d{15}$/);
    expect(state.messages[0]).toMatchObject({ from: 'user', text: '/start' });
    const welcome = state.messages.find((m) => m.from === 'bot');
    expect(welcome?.text).toBeTruthy();
    const account = await accountOf(state);
    expect(account.platform).toBe('PLAYGROUND');
    expect(account.chatId).toBe(state.chat!.id);
    expect(account.personId).toBeNull();
  });

  it("a new donor with a center gets that center's /start link, and English when asked", async () => {
    const centers = ((await playground.server.app.inject({ method: 'GET', url: '/playground/api/state' })).json() as PgState).centers;
    const center = centers[0]!;
    const { state } = await chooseIdentity(playground.server.app, { identity: 'new-donor', centerCode: center.code, language: 'en' });
    expect(state.chat!.userLanguage).toBe('en');
    expect(state.messages[0]).toMatchObject({ from: 'user', text: center.startCommand });
    expect(state.messages.filter((m) => m.from === 'bot').map((m) => m.text ?? '').join('\n')).toContain(center.name);
  });

  it('a demo donor is linked to a demo donor person', async () => {
    const { state } = await chooseIdentity(playground.server.app, { identity: 'demo-donor' });
    const account = await accountOf(state);
    expect(account.personId).toBeTruthy();
    const donor = await playground.database.db.donor.findFirst({ where: { personId: account.personId } });
    expect(donor?.id.startsWith('demo_')).toBe(true);
    expect(state.messages.some((m) => m.from === 'bot')).toBe(true);
  });

  it('a volunteer is linked to an active demo volunteer', async () => {
    const { state } = await chooseIdentity(playground.server.app, { identity: 'volunteer' });
    const account = await accountOf(state);
    const volunteer = await playground.database.db.volunteer.findFirst({ where: { personId: account.personId!, state: 'ACTIVE' } });
    expect(volunteer?.id.startsWith('demo_')).toBe(true);
  });

  it("a trustee of the chosen center is linked with a one-time code sent for them", async () => {
    const centers = ((await playground.server.app.inject({ method: 'GET', url: '/playground/api/state' })).json() as PgState).centers;
    const center = centers[0]!;
    const { state } = await chooseIdentity(playground.server.app, { identity: 'trustee', centerCode: center.code });
    const link = state.messages.find((m) => m.from === 'user' && m.text?.startsWith('/link '));
    expect(link?.text).toMatch(/^\/link \d+$/);
    const account = await accountOf(state);
    const membership = await playground.database.db.trusteeMembership.findFirst({ where: { personId: account.personId!, state: 'APPOINTED' }, include: { center: true } });
    expect(membership?.center.activityCode).toBe(center.code);
    const used = await playground.database.db.trusteeLinkCode.findFirst({ where: { usedByChatAccountId: account.id } });
    expect(used?.usedAt).toBeTruthy();
    // The bot said so, after the code.
    const after = state.messages.slice(state.messages.indexOf(link!) + 1).filter((m) => m.from === 'bot');
    expect(after.map((m) => m.text).join('\n')).toContain(center.name);
  });

  it('refuses an unknown identity or center, and keeps no chat', async () => {
    const bad = await playground.server.app.inject({ method: 'POST', url: '/playground/api/identity', payload: { identity: 'admin' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'BAD_IDENTITY' } });
    const noCenter = await playground.server.app.inject({ method: 'POST', url: '/playground/api/identity', payload: { identity: 'trustee', centerCode: 'NOPE' } });
    expect(noCenter.statusCode).toBe(400);
    expect(noCenter.json()).toMatchObject({ error: { code: 'CENTER_NOT_FOUND' } });
  });
});
