/**
 * Who the visitor plays. Only demo rows (ids starting with `demo_`, written by
 * seed/demo.ts) are ever handed out, so a playground on a real
 * database can never act as a real donor or trustee.
 *   new-donor   a fresh chat: "/start" (or the chosen center's /start c_<code>);
 *   demo-donor  the chat is linked to a demo donor's person (core, as staff
 *               would link it), then their center's /start c_<code>;
 *   volunteer   the chat is linked to an active demo volunteer's person, then the same;
 *   trustee     core issues a one-time link code for an appointed demo trustee
 *               of the chosen center, and "/link <code>" is sent for the user.
 */
import type { SystemActor } from '../core/actor.ts';
import type { Language } from '../messenger/i18n.ts';
import { IDENTITIES, type Identity } from './messages.ts';
import { PlaygroundInputError, type Playground } from './runtime.ts';

/** seed/demo.ts: every demo row's id starts so. */
const DEMO_ID_PREFIX = 'demo_';
const ACTOR: SystemActor = { kind: 'system', job: 'playground' };
const demo = { startsWith: DEMO_ID_PREFIX };

export interface DemoCenter {
  id: string;
  name: string;
  code: string;
  startCommand: string;
}

export async function listCenters(playground: Playground): Promise<DemoCenter[]> {
  const rows = await playground.database.db.center.findMany({
    where: { id: demo, licenseState: 'LICENSED', activityCode: { not: null } },
    select: { id: true, name: true, activityCode: true },
    orderBy: { id: 'asc' },
    take: 50,
  });
  return rows.map((c) => ({ id: c.id, name: c.name, code: c.activityCode!, startCommand: `/start c_${c.activityCode}` }));
}

function demoDonor(playground: Playground, centerId: string | null) {
  return playground.database.db.donor.findFirst({
    where: { id: demo, type: 'NATURAL', mergedIntoId: null, personId: { not: null }, ...(centerId ? { recruitedByCenterId: centerId } : {}) },
    select: { id: true, recruitedByCenterId: true },
    orderBy: { id: 'asc' },
  });
}

function demoVolunteer(playground: Playground, centerId: string | null) {
  return playground.database.db.volunteer.findFirst({
    where: { id: demo, state: 'ACTIVE', ...(centerId ? { centerId } : {}) },
    select: { personId: true, centerId: true },
    orderBy: { id: 'asc' },
  });
}

function demoTrustee(playground: Playground, centerId: string | null) {
  return playground.database.db.trusteeMembership.findFirst({
    where: { id: demo, state: 'APPOINTED', center: { licenseState: 'LICENSED', id: centerId ?? demo } },
    select: { id: true },
    orderBy: { id: 'asc' },
  });
}

export async function availableIdentities(playground: Playground): Promise<{ key: Identity; available: boolean }[]> {
  const [donor, volunteer, trustee] = await Promise.all([demoDonor(playground, null), demoVolunteer(playground, null), demoTrustee(playground, null)]);
  const available: Record<Identity, boolean> = { 'new-donor': true, 'demo-donor': !!donor, volunteer: !!volunteer, trustee: !!trustee };
  return IDENTITIES.map((key) => ({ key, available: available[key] }));
}

/** The chat's ChatAccount, as the bot would create it on the first update. */
function ensureChatAccount(playground: Playground, chatId: string, language: Language) {
  return playground.database.db.chatAccount.upsert({
    where: { platform_externalUserId: { platform: 'PLAYGROUND', externalUserId: chatId } },
    create: { platform: 'PLAYGROUND', externalUserId: chatId, chatId, language, displayName: 'Playground' },
    update: {},
    select: { id: true },
  });
}

/** Sets up a new chat as `identity` (the chat id is fresh); the bot's answers land in the chat. */
export async function startIdentity(
  playground: Playground,
  chatId: string,
  identity: Identity,
  options: { centerCode?: string; language: Language },
): Promise<void> {
  const centers = await listCenters(playground);
  const center = options.centerCode ? centers.find((c) => c.code === options.centerCode) : undefined;
  if (options.centerCode && !center) throw new PlaygroundInputError('CENTER_NOT_FOUND');
  const lng = options.language;
  // The chosen center's link, else that of the person's own center: the bot then knows where they give.
  const startFor = (centerId: string | null | undefined) =>
    center?.startCommand ?? centers.find((c) => c.id === centerId)?.startCommand ?? '/start';

  switch (identity) {
    case 'new-donor':
      await playground.sendText(chatId, startFor(null), lng);
      return;
    case 'demo-donor': {
      const donor = (await demoDonor(playground, center?.id ?? null)) ?? (await demoDonor(playground, null));
      if (!donor) throw new PlaygroundInputError('IDENTITY_UNAVAILABLE', 409);
      const account = await ensureChatAccount(playground, chatId, lng);
      await playground.core.giving.linkChatAccount(ACTOR, { donorId: donor.id, chatAccountId: account.id });
      await playground.sendText(chatId, startFor(donor.recruitedByCenterId), lng);
      return;
    }
    case 'volunteer': {
      const volunteer = (await demoVolunteer(playground, center?.id ?? null)) ?? (await demoVolunteer(playground, null));
      if (!volunteer) throw new PlaygroundInputError('IDENTITY_UNAVAILABLE', 409);
      const account = await ensureChatAccount(playground, chatId, lng);
      // No use-case links a chat to an existing volunteer (the bot's sign-up creates one): as staff would.
      await playground.database.db.chatAccount.update({ where: { id: account.id }, data: { personId: volunteer.personId } });
      await playground.sendText(chatId, startFor(volunteer.centerId), lng);
      return;
    }
    case 'trustee': {
      const membership = (await demoTrustee(playground, center?.id ?? null)) ?? (center ? null : await demoTrustee(playground, null));
      if (!membership) throw new PlaygroundInputError('IDENTITY_UNAVAILABLE', 409);
      const { code } = await playground.core.trustees.issueLinkCode(ACTOR, { membershipId: membership.id });
      // The code alone, as a trustee would send it first (a /start would open the center picker).
      await playground.sendText(chatId, `/link ${code}`, lng);
      return;
    }
  }
}
