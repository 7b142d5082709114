/**
 * Volunteer sign-up at the chosen center: name, national ID, mobile (shared
 * contact or typed), skills and availability (both optional), a summary to
 * confirm, then core's applyAsVolunteer. The same conversation signs up a
 * service recipient for "service for service" (خدمت به شرط خدمت), which core
 * records as a volunteer application with serviceForService set.
 */
import { Keyboard } from 'grammy';
import { normalizeText } from '../../core/input/normalize.ts';
import { mobile, nationalId } from '../../core/input/schemas.ts';
import { digits } from '../../messenger/format.ts';
import type { TFunction } from '../../messenger/i18n.ts';
import { attempt } from '../attempt.ts';
import type { BotConversation, ConversationContext } from '../context.ts';
import { myVolunteering } from '../features/volunteer-status.ts';
import { ask, ok, textOf, wrong, type Answer } from './volunteer-ask.ts';

export const VOLUNTEER_SIGNUP = 'volunteerSignup';

export interface SignupOptions {
  serviceForService?: boolean;
}

const REMOVE_KEYBOARD = { remove_keyboard: true } as const;

function parseName(ctx: ConversationContext): Answer<string> {
  const text = textOf(ctx);
  if (text === null) return wrong('volunteer:signup.textPlease');
  const s = normalizeText(text);
  if (!s) return wrong('errors:REQUIRED');
  if (s.length > 100) return wrong('errors:TEXT_TOO_LONG');
  if (/\d/.test(s)) return wrong('errors:VALIDATION');
  return ok(s);
}

function parseNationalId(ctx: ConversationContext): Answer<string> {
  const r = nationalId.safeParse(textOf(ctx) ?? '');
  return r.success ? ok(r.data) : wrong('errors:INVALID_NATIONAL_ID');
}

function parseMobile(ctx: ConversationContext): Answer<string> {
  const contact = ctx.message?.contact;
  if (contact && contact.user_id !== ctx.from?.id) return wrong('volunteer:signup.contactNotYours');
  const r = mobile.safeParse(contact?.phone_number ?? textOf(ctx) ?? '');
  return r.success ? ok(r.data) : wrong('errors:INVALID_MOBILE');
}

/** Skipped, or a comma-separated list of short tags (Persian or Latin commas). */
function parseSkills(ctx: ConversationContext): Answer<string[]> {
  const text = textOf(ctx);
  if (text === null) return wrong('volunteer:signup.textPlease');
  if (text.trim() === ctx.t('volunteer:signup.skip')) return ok([]);
  const skills = normalizeText(text)
    .split(/[,،;؛\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (skills.length === 0) return wrong('errors:REQUIRED');
  if (skills.length > 30 || skills.some((s) => s.length > 100)) return wrong('errors:TEXT_TOO_LONG');
  return ok([...new Set(skills)]);
}

function parseAvailability(ctx: ConversationContext): Answer<string | null> {
  const text = textOf(ctx);
  if (text === null) return wrong('volunteer:signup.textPlease');
  if (text.trim() === ctx.t('volunteer:signup.skip')) return ok(null);
  const s = normalizeText(text);
  if (!s) return wrong('errors:REQUIRED');
  return s.length > 300 ? wrong('errors:TEXT_TOO_LONG') : ok(s);
}

function parseConfirm(ctx: ConversationContext): Answer<boolean> {
  const text = textOf(ctx)?.trim();
  if (text === ctx.t('volunteer:signup.confirm')) return ok(true);
  if (text === ctx.t('volunteer:signup.cancel')) return ok(false);
  return wrong('volunteer:signup.pressButton');
}

const skipKeyboard = (t: TFunction) => new Keyboard().text(t('volunteer:signup.skip')).resized().oneTime();

export async function volunteerSignupConversation(conversation: BotConversation, ctx: ConversationContext, options?: SignupOptions): Promise<void> {
  const serviceForService = options?.serviceForService === true;
  const start = await conversation.external(async (o) => {
    const centerId = o.session.centerId;
    if (!centerId) return null;
    const center = await attempt(() => o.core.centers.findLicensedCenter(o.actors.chat(), { centerId }));
    if (!center.ok) return null;
    const live = (await myVolunteering(o))?.find((r) => r.centerId === centerId && r.state !== 'REJECTED');
    return { centerId, centerName: center.value.name, liveState: live?.state ?? null };
  });
  if (!start) {
    await ctx.reply(ctx.t('volunteer:signup.needCenter'));
    return;
  }
  if (start.liveState) {
    await ctx.reply(`${ctx.t('errors:VOLUNTEER_ALREADY_APPLIED')}\n${ctx.t(`volunteer:states.${start.liveState}`)}`);
    return;
  }

  await ctx.reply(ctx.t(serviceForService ? 'volunteer:signup.introServiceForService' : 'volunteer:signup.intro'));
  const firstName = await ask(conversation, ctx, { prompt: (t) => t('volunteer:signup.askFirstName'), parse: parseName });
  const lastName = await ask(conversation, firstName.ctx, { prompt: (t) => t('volunteer:signup.askLastName'), parse: parseName });
  const nid = await ask(conversation, lastName.ctx, { prompt: (t) => t('volunteer:signup.askNationalId'), parse: parseNationalId });
  const phone = await ask(conversation, nid.ctx, {
    prompt: (t) => t('volunteer:signup.askMobile'),
    markup: (t) => new Keyboard().requestContact(t('volunteer:signup.shareContact')).resized().oneTime(),
    parse: parseMobile,
  });
  const skills = await ask(conversation, phone.ctx, { prompt: (t) => t('volunteer:signup.askSkills'), markup: skipKeyboard, parse: parseSkills });
  const availability = await ask(conversation, skills.ctx, {
    prompt: (t) => t('volunteer:signup.askAvailability'),
    markup: skipKeyboard,
    parse: parseAvailability,
  });

  const summary = (t: TFunction) => {
    const lng = availability.ctx.language;
    const none = t('volunteer:signup.none');
    return t('volunteer:signup.summary', {
      name: `${firstName.value} ${lastName.value}`,
      nationalId: digits(nid.value, lng),
      mobile: digits(phone.value, lng),
      skills: skills.value.length ? skills.value.join(lng === 'fa' ? '، ' : ', ') : none,
      availability: availability.value ?? none,
      serviceForService: t(serviceForService ? 'volunteer:signup.yes' : 'volunteer:signup.no'),
    });
  };
  const confirmed = await ask(conversation, availability.ctx, {
    prompt: summary,
    markup: (t) => new Keyboard().text(t('volunteer:signup.confirm')).text(t('volunteer:signup.cancel')).resized().oneTime(),
    parse: parseConfirm,
  });
  const last = confirmed.ctx;
  if (!confirmed.value) {
    await last.reply(last.t('volunteer:signup.cancelled'), { reply_markup: REMOVE_KEYBOARD });
    return;
  }

  const applied = await conversation.external(async (o) => {
    const result = await attempt(() =>
      o.core.volunteers.applyAsVolunteer(o.actors.chat(), {
        centerId: start.centerId,
        firstName: firstName.value,
        lastName: lastName.value,
        nationalId: nid.value,
        mobile: phone.value,
        skills: skills.value,
        availability: availability.value ?? undefined,
        serviceForService,
      }),
    );
    // The chat may now be linked to the person: roles are read afresh.
    o.actors.refresh();
    return result.ok ? { ok: true as const } : { ok: false as const, code: result.code };
  });
  if (applied.ok) await last.reply(last.t('volunteer:signup.done', { center: start.centerName }), { reply_markup: REMOVE_KEYBOARD });
  else await last.reply(last.t(`errors:${applied.code}`), { reply_markup: REMOVE_KEYBOARD });
}
