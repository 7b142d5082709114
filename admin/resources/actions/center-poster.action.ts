/**
 * The "poster" action of a licensed center: its page frames the printable poster served by
 * admin/poster (which asks core again: this only decides whether the button shows). It
 * reads and changes nothing itself.
 */
import type { Action, RecordActionResponse } from 'adminjs';
import { decideOn } from '../../access.ts';
import { allowed, type ComponentIds } from '../define.ts';

export function centerPosterAction(components: ComponentIds): Partial<Action<RecordActionResponse>> {
  const check = (c: { currentAdmin?: Parameters<typeof allowed>[0]; record?: { params: Record<string, unknown> } }) =>
    allowed(c.currentAdmin, (actor) => {
      const params = c.record?.params ?? {};
      const scope = { centerId: params.id as string, countyId: (params.countyId ?? params.county) as string };
      return params.licenseState === 'LICENSED' && decideOn(actor, 'center.read', scope).allow;
    });
  return {
    name: 'poster',
    actionType: 'record',
    icon: 'Printer',
    showInDrawer: false,
    ...(components.CenterPoster ? { component: components.CenterPoster } : { component: false }),
    isVisible: check,
    isAccessible: check,
    handler: async (_request, _response, context) => {
      if (!context.record) throw new Error('poster: no record');
      return { record: context.record.toJSON(context.currentAdmin) };
    },
  };
}
