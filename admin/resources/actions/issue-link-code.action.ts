/**
 * Staff issue an appointed trustee a one-time code to link their messenger account
 * (core.trustees.issueLinkCode). The plain code exists only in this one response: it is
 * shown once (notice and component data) and only its hash is stored.
 */
import type { Action, RecordActionResponse } from 'adminjs';
import type { Core } from '../../../core/index.ts';
import { formatJalaliDate } from '../../../messenger/format.ts';
import { roleMay } from '../../access.ts';
import { localDigits } from '../../locale/index.ts';
import type { ComponentIds } from '../define.ts';
import { resourceMessage } from '../messages.ts';
import { coreRecordAction } from './core-record-action.ts';

export function issueLinkCodeAction(core: Core, components: ComponentIds): Partial<Action<RecordActionResponse>> {
  return coreRecordAction(core, {
    name: 'issueLinkCode',
    icon: 'Key',
    variant: 'primary',
    component: components.ShowLinkCode ?? components.ConfirmAction,
    isAllowed: (actor, params) => params.state === 'APPOINTED' && roleMay(actor, 'trustee.issueLinkCode'),
    async run({ core, actor, recordId, lng }) {
      const { code, expiresAt } = await core.trustees.issueLinkCode(actor, { membershipId: recordId });
      const shown = localDigits(lng, code);
      const until = formatJalaliDate(expiresAt, lng);
      return { message: resourceMessage(lng, 'linkCodeIssued', { code: shown, until }), data: { linkCode: code, expiresAt: expiresAt.toISOString() } };
    },
  });
}
