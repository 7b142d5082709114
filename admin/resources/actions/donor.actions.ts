/**
 * Donors in the panel, each a core use-case: the look-alike donors listed in pairs with
 * what they share, a duplicate merged into the donor kept, a merge undone, a note or an
 * organisation's name reworded, and whether the donor's name may appear among the center's donors. Nothing about a donor is written by a
 * plain edit (admin/access.ts has no edit rule for Donor).
 */
import type { Action, ActionContext, ActionResponse } from 'adminjs';
import type { Core } from '../../../core/index.ts';
import { mergeDonorsInput } from '../../../core/giving/merge-donors.ts';
import { setDonorAnonymityInput } from '../../../core/giving/set-donor-anonymity.ts';
import { unmergeDonorsInput } from '../../../core/giving/unmerge-donors.ts';
import { updateDonorInput } from '../../../core/giving/update-donor.ts';
import { persianDigits } from '../../../messenger/digits.ts';
import type { Language } from '../../../messenger/i18n.ts';
import { roleMay } from '../../access.ts';
import { allowed, type DefineContext } from '../define.ts';
import { resourceMessage } from '../messages.ts';
import { actorIn, localeIn } from '../scoped-resource.ts';
import { coreAction } from './core-action.ts';
import { refusal } from './refusal.ts';

type Params = Record<string, unknown>;
const isTrue = (v: unknown) => v === true || v === 'true';
const merged = (donor: Params) => typeof donor.mergedInto === 'string' && donor.mergedInto !== '';

/** One look-alike pair as the duplicates page lists it. */
export interface DuplicatePair {
  /** Why they look alike, in words ("the same mobile: 0912…"). */
  reason: string;
  keep: { id: string; name: string };
  duplicate: { id: string; name: string };
}

/**
 * The look-alike groups core finds, as pairs: the oldest donor of a group beside each of the
 * others. Without a donor: every group of the login's area; with one: that donor's look-alikes.
 */
export async function duplicatePairs(core: Core, context: ActionContext, lng: Language, donorId?: string): Promise<DuplicatePair[]> {
  const actor = actorIn(context);
  if (!actor) return [];
  const groups = await core.giving.findDuplicateDonors(actor, donorId ? { donorId } : { limit: 500 });
  return groups.flatMap((g) => {
    const [first, ...others] = g.donors.map((d) => ({ id: d.id, name: d.name ?? resourceMessage(lng, 'donorWithoutName') }));
    const reason = resourceMessage(lng, g.by === 'mobile' ? 'duplicateBySameMobile' : 'duplicateBySameNationalId', { value: lng === 'fa' ? persianDigits(g.value) : g.value });
    return others.map((duplicate) => ({ reason, keep: first!, duplicate }));
  });
}

function duplicatesAction(ctx: DefineContext, scope: 'area' | 'donor'): Partial<Action<ActionResponse>> {
  const core = ctx.deps.core;
  // The area's list is for those who merge; one donor's look-alikes for those who look after donors.
  const policy = scope === 'area' ? 'donor.merge' : 'donor.read';
  const check = (c: { currentAdmin?: ActionContext['currentAdmin'] }) => allowed(c.currentAdmin, (a) => roleMay(a, policy));
  return {
    name: scope === 'area' ? 'duplicateDonors' : 'donorLookAlikes',
    actionType: scope === 'area' ? 'resource' : 'record',
    icon: 'Users',
    component: ctx.deps.components?.DuplicateDonors ?? false,
    isVisible: check,
    isAccessible: check,
    // Reads only: what core finds, with the donors' names.
    handler: async (_request, _response, context) => {
      const lng = localeIn(context);
      const donorId = scope === 'donor' && context.record ? String(context.record.id()) : undefined;
      const actor = actorIn(context);
      const mayMerge = !!actor && roleMay(actor, 'donor.merge');
      const shown = context.record ? { record: context.record.toJSON(context.currentAdmin) } : {};
      try {
        return { ...shown, data: { pairs: await duplicatePairs(core, context, lng, donorId), mayMerge } };
      } catch (e) {
        return { ...shown, notice: refusal(e, lng).notice, data: { pairs: [], mayMerge: false } };
      }
    },
  };
}

export function donorActions(ctx: DefineContext): Record<string, Partial<Action<ActionResponse>>> {
  const donor = { resource: 'Donor', multiline: ['reason'] } as const;
  return {
    duplicateDonors: duplicatesAction(ctx, 'area'),
    donorLookAlikes: duplicatesAction(ctx, 'donor'),
    mergeDonors: coreAction(ctx, {
      ...donor,
      name: 'mergeDonors',
      icon: 'GitMerge',
      variant: 'danger',
      input: mergeDonorsInput,
      useCase: (core) => core.giving.mergeDonors,
      policy: 'donor.merge',
      // The record shown is the duplicate; the one kept is picked (or comes from the duplicates page).
      record: 'duplicateDonorId',
      records: (d) => !merged(d),
      relations: { keepDonorId: 'Donor' },
    }),
    unmergeDonors: coreAction(ctx, {
      ...donor,
      name: 'unmergeDonors',
      icon: 'GitPullRequest',
      input: unmergeDonorsInput,
      useCase: (core) => core.giving.unmergeDonors,
      policy: 'donor.merge',
      record: 'donorId',
      records: merged,
    }),
    updateDonor: coreAction(ctx, {
      resource: 'Donor',
      name: 'updateDonor',
      icon: 'Edit',
      input: updateDonorInput,
      useCase: (core) => core.giving.updateDonor,
      policy: 'donor.update',
      record: 'donorId',
      records: (d) => !merged(d),
      // Opens with the note as it is, so it can be reworded or emptied (cleared).
      prefill: true,
      multiline: ['note'],
    }),
    // Two buttons rather than a checkbox: each shows where it changes something and says what it does.
    makeDonorAnonymous: anonymity(ctx, 'makeDonorAnonymous', true),
    showDonorName: anonymity(ctx, 'showDonorName', false),
  };
}

function anonymity(ctx: DefineContext, name: string, anonymous: boolean): Partial<Action<ActionResponse>> {
  return coreAction(ctx, {
    resource: 'Donor',
    name,
    icon: anonymous ? 'EyeOff' : 'Eye',
    // The form has nothing to ask: the button says which way.
    input: setDonorAnonymityInput.pick({ donorId: true }),
    useCase: (core) => (actor, raw) => core.giving.setDonorAnonymity(actor, { ...raw, anonymous }),
    policy: 'donor.update',
    record: 'donorId',
    records: (d) => !merged(d) && isTrue(d.anonymous) !== anonymous,
  });
}
