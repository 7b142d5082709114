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
 *   actions.issueLicense = coreAction(ctx, { … })  (CoreActionForm: the form drawn from a core use-case's input schema)
 *   ShowLinkCode: like ConfirmAction, then shows the one-time code the handler returns as `data.linkCode`/`data.expiresAt`.
 *   properties.receiptProof.components = { show: c.ReceiptProof }  (the Donation page's receipt photo, admin/receipts)
 *   actions.poster = { actionType: 'record', component: c.CenterPoster }  (a licensed center's printable poster, admin/poster)
 *   ReviewQueue: the Donation review queue (admin/resources/actions/review-queue.action.ts), one gift at a time.
 *   BankStatements: a center's Sandogh statement uploaded, previewed, matched and reconciled (bank-statements.action.ts).
 *   actions.duplicateDonors = { actionType: 'resource', component: c.DuplicateDonors }  (look-alike donors in pairs, data.pairs)
 *   actions.overdueTasks = { actionType: 'resource', component: c.OverdueTasks }  (the login's overdue tasks, data.tasks)
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
  CoreActionForm: 'actions/CoreActionForm.tsx',
  BroadcastForm: 'broadcast/BroadcastForm.tsx',
  ReceiptProof: 'receipt/ReceiptProof.tsx',
  CenterPoster: 'poster/CenterPoster.tsx',
  ReviewQueue: 'giving/ReviewQueue.tsx',
  BankStatements: 'statements/BankStatements.tsx',
  StateBadge: 'giving/StateBadge.tsx',
  DuplicateDonors: 'donors/DuplicateDonors.tsx',
  OverdueTasks: 'work/OverdueTasks.tsx',
} as const;

export type ComponentName = keyof typeof FILES;
export type ComponentIds = Record<ComponentName, string>;

export function registerComponents(loader: ComponentLoader): ComponentIds {
  const ids = {} as ComponentIds;
  for (const [name, file] of Object.entries(FILES) as [ComponentName, string][]) ids[name] = loader.add(name, path.join(here, file));
  return ids;
}
