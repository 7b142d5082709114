/**
 * The panel's React components, registered with AdminJS's ComponentLoader and
 * bundled for the browser (admin/adminjs/bundle.ts). Returns the component
 * ids to put in resource options, e.g.
 *   properties.paidAt.components = { edit: c.JalaliDateEdit, show: c.JalaliDateShow, list: c.JalaliDateList, filter: c.JalaliDateFilter }
 *   (a `@db.Date` column: also `custom: { dateOnly: true }`, so no time and no zone shift)
 *   properties.amountRial.components = { show: c.MoneyShow, list: c.MoneyList }
 *   properties.receiptNo.components = { show: c.NumberShow, list: c.NumberList }  (Persian digits in fa; `custom: { plainDigits: true }`: no separators)
 *   actions.reject = { actionType: 'record', component: c.RejectWithReason, handler }  (handler reads request.payload.reason; POST)
 *   actions.confirm = { actionType: 'record', component: c.ConfirmAction, handler }    (POST)
 *   ShowLinkCode: like ConfirmAction, then shows the one-time code the handler returns as `data.linkCode`/`data.expiresAt`.
 *   properties.receiptProof.components = { show: c.ReceiptProof }  (the Donation page's receipt photo, admin/receipts)
 * `Dashboard` is the home page (its data: admin/dashboard).
 * The .tsx files are type-checked by admin/components/tsconfig.json (JSX, bundler resolution).
 */
import path from 'node:path';
import type { ComponentLoader } from 'adminjs';

const here = import.meta.dirname;

const FILES = {
  Dashboard: 'dashboard/Dashboard.tsx',
  JalaliDateEdit: 'jalali/JalaliDateEdit.tsx',
  JalaliDateShow: 'jalali/JalaliDateShow.tsx',
  JalaliDateList: 'jalali/JalaliDateList.tsx',
  JalaliDateFilter: 'jalali/JalaliDateFilter.tsx',
  MoneyShow: 'money/MoneyShow.tsx',
  MoneyList: 'money/MoneyList.tsx',
  NumberShow: 'number/NumberShow.tsx',
  NumberList: 'number/NumberList.tsx',
  RejectWithReason: 'actions/RejectWithReason.tsx',
  ConfirmAction: 'actions/ConfirmAction.tsx',
  ShowLinkCode: 'actions/ShowLinkCode.tsx',
  BroadcastForm: 'broadcast/BroadcastForm.tsx',
  ReceiptProof: 'receipt/ReceiptProof.tsx',
} as const;

export type ComponentName = keyof typeof FILES;
export type ComponentIds = Record<ComponentName, string>;

export function registerComponents(loader: ComponentLoader): ComponentIds {
  const ids = {} as ComponentIds;
  for (const [name, file] of Object.entries(FILES) as [ComponentName, string][]) ids[name] = loader.add(name, path.join(here, file));
  return ids;
}
