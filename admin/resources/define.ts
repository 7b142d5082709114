/**
 * What every resource file shares: the data layer (scoped-resource.ts) built from the
 * resource's definition, and the standard actions guarded by admin/access.ts. A resource
 * file is then configuration: its columns, filters, sorts, titles and its own actions.
 */
import type { Action, ActionContext, ActionResponse, After, Before, RecordActionResponse, PropertyOptions, ResourceOptions, ResourceWithOptions } from 'adminjs';
import type { CurrentAdmin } from 'adminjs';
import { actorOf } from '../../http/current-admin.ts';
import { canCreate, canDelete, canEdit, canList, creatableProperties, editableProperties, whitelistPayload, type AdminActor, type AdminResource } from '../access.ts';
import type { AdminDeps } from '../deps.ts';
import { normalizeFilters } from './hooks/normalize-filters.ts';
import { actorIn, ScopedPrismaResource, type ScopedResourceSpec } from './scoped-resource.ts';

/** Component ids from admin/components (registerComponents), when the panel registered them. */
export type ComponentIds = Partial<Record<
  | 'JalaliDateList'
  | 'JalaliDateShow'
  | 'JalaliDateEdit'
  | 'JalaliDateFilter'
  | 'MoneyList'
  | 'MoneyShow'
  | 'NumberList'
  | 'NumberShow'
  | 'RejectWithReason'
  | 'ConfirmAction'
  | 'ShowLinkCode'
  | 'CoreActionForm'
  | 'BroadcastForm'
  | 'ReceiptProof'
  | 'CenterPoster'
  | 'DuplicateDonors'
  | 'OverdueTasks'
  | 'ReviewQueue'
  | 'BankStatements'
  | 'StateBadge',
  string
>>;

export interface ResourceDeps extends AdminDeps {
  components?: ComponentIds;
}

/** Built once per panel: what every definition needs besides its own settings. */
export interface DefineContext {
  deps: ResourceDeps;
  registered: ReadonlySet<string>;
  enums: ReadonlyMap<string, readonly string[]>;
}

export type ResourceSettings = Omit<ScopedResourceSpec, 'name' | 'db' | 'model' | 'enums' | 'registered' | 'moneyAsText'>;

export interface ResourceDefinition {
  name: AdminResource;
  settings: ResourceSettings;
  /** Sidebar group (a key of `labels` in admin-resources.json). */
  navigation: { name: string; icon: string };
  titleProperty: string;
  listProperties: string[];
  showProperties: string[];
  /** Properties the create/edit form shows (the whitelist still decides what is written). */
  editProperties?: string[];
  properties?: Record<string, PropertyOptions>;
  /** The resource's own record actions (approve, confirm, issue a code ...). */
  actions?: Record<string, Partial<Action<RecordActionResponse>> | Partial<Action<ActionResponse>>>;
}

/** Runs `check` with the logged-in admin's actor; no actor (or a throwing check) means no. */
export function allowed(currentAdmin: CurrentAdmin | undefined, check: (actor: AdminActor) => boolean): boolean {
  try {
    return check(actorOf(currentAdmin));
  } catch {
    return false;
  }
}

/** A before hook that keeps only the whitelisted fields of a form (the edit-API attack). */
function onlyWhitelisted(resource: AdminResource, kind: 'edit' | 'create'): Before {
  return (request, context: ActionContext) => {
    if (request.method !== 'post' || !request.payload) return request;
    const actor = actorIn(context);
    const fields = actor ? (kind === 'edit' ? editableProperties(actor, resource) : creatableProperties(actor, resource)) : [];
    return { ...request, payload: whitelistPayload(request.payload, fields) };
  };
}

/**
 * AdminJS echoes a saved form's fields back in the response; a write-only field (a new
 * password) must not travel back to the browser.
 */
function withoutWriteOnly(fields: readonly string[]): After<RecordActionResponse> {
  return (response) => {
    const params = response.record?.params as Record<string, unknown> | undefined;
    if (params) for (const key of Object.keys(params)) if (fields.some((f) => key === f || key.startsWith(`${f}.`))) delete params[key];
    return response;
  };
}

export function standardActions(resource: AdminResource, _ctx: DefineContext, writeOnly: readonly string[] = []): ResourceOptions['actions'] {
  const scrub = writeOnly.length ? { after: [withoutWriteOnly(writeOnly)] } : {};
  const read = (c: { currentAdmin?: CurrentAdmin }) => allowed(c.currentAdmin, (a) => canList(a, resource));
  return {
    // Persian/Arabic digits and ي/ك in filters and searches (the data layer normalises again).
    list: { isAccessible: read, before: [normalizeFilters] },
    search: { isAccessible: read, before: [normalizeFilters] },
    show: { isAccessible: read },
    new: {
      isAccessible: (c) => allowed(c.currentAdmin, (a) => canCreate(a, resource)),
      before: [onlyWhitelisted(resource, 'create')],
      ...scrub,
    },
    edit: {
      isAccessible: (c) => allowed(c.currentAdmin, (a) => canEdit(a, resource)),
      before: [onlyWhitelisted(resource, 'edit')],
      ...scrub,
    },
    delete: { isAccessible: (c) => allowed(c.currentAdmin, (a) => canDelete(a, resource)), isVisible: false },
    bulkDelete: { isAccessible: (c) => allowed(c.currentAdmin, (a) => canDelete(a, resource)), isVisible: false },
  };
}

/** Jalali date components (admin/components) for every date column, when registered. */
function dateComponents(ctx: DefineContext, name: AdminResource): Record<string, PropertyOptions> {
  const c = ctx.deps.components ?? {};
  if (!c.JalaliDateList || !c.JalaliDateShow) return {};
  const model = ctx.deps.getModelByName(name);
  const out: Record<string, PropertyOptions> = {};
  for (const f of model.fields) {
    if (f.kind !== 'scalar' || f.type !== 'DateTime') continue;
    out[f.name] = {
      // A calendar day (@db.Date): no time of day, no zone shift.
      ...(f.nativeType?.[0] === 'Date' ? { custom: { dateOnly: true } } : {}),
      components: {
        list: c.JalaliDateList,
        show: c.JalaliDateShow,
        ...(c.JalaliDateEdit ? { edit: c.JalaliDateEdit } : {}),
        ...(c.JalaliDateFilter ? { filter: c.JalaliDateFilter } : {}),
      },
    };
  }
  return out;
}

/**
 * The reader's digits (Persian in fa) for every number the panel shows -- counts,
 * quantities, hours, receipt and row numbers, coordinates -- when registered: AdminJS's
 * own cells write Latin digits whatever the language.
 */
function numberComponents(ctx: DefineContext, resource: ScopedPrismaResource): Record<string, PropertyOptions> {
  const c = ctx.deps.components ?? {};
  if (!c.NumberList || !c.NumberShow) return {};
  const out: Record<string, PropertyOptions> = {};
  for (const p of resource.properties()) {
    if (p.type() !== 'number' && p.type() !== 'float') continue;
    out[p.name()] = { components: { list: c.NumberList, show: c.NumberShow } };
  }
  return out;
}

function mergeProperties(...sets: Array<Record<string, PropertyOptions> | undefined>): Record<string, PropertyOptions> {
  const out: Record<string, PropertyOptions> = {};
  for (const set of sets) for (const [k, v] of Object.entries(set ?? {})) out[k] = { ...out[k], ...v, components: { ...out[k]?.components, ...v.components } };
  return out;
}

export function defineResource(ctx: DefineContext, def: ResourceDefinition): ResourceWithOptions {
  const c = ctx.deps.components ?? {};
  // With the money components the browser formats the raw Rials (Persian digits, Toman);
  // without them the server sends the formatted text.
  const moneyComponents = !!(c.MoneyList && c.MoneyShow);
  const resource = new ScopedPrismaResource({
    ...def.settings,
    moneyAsText: !moneyComponents,
    name: def.name,
    db: ctx.deps.database.db,
    model: ctx.deps.getModelByName(def.name),
    enums: ctx.enums,
    registered: ctx.registered,
  });
  const money = Object.fromEntries(
    (def.settings.money ?? []).map((m) => [
      m,
      { type: 'string', ...(moneyComponents ? { components: { list: c.MoneyList, show: c.MoneyShow } } : {}) } satisfies PropertyOptions,
    ]),
  );
  const writeOnly = Object.entries(def.settings.virtuals ?? {})
    .filter(([, v]) => v.writable && !v.value)
    .map(([name]) => name);
  const sortable = new Set(def.settings.sortable);
  // AdminJS offers sorting on every column unless told; only indexed ones are offered.
  const sorting = Object.fromEntries(resource.properties().map((p) => [p.name(), { isSortable: sortable.has(p.name()) } satisfies PropertyOptions]));
  const options: ResourceOptions = {
    navigation: def.navigation,
    titleProperty: def.titleProperty,
    listProperties: def.listProperties,
    showProperties: def.showProperties,
    editProperties: def.editProperties ?? [],
    filterProperties: [...def.settings.filterable],
    sort: def.settings.defaultSort,
    properties: mergeProperties(sorting, dateComponents(ctx, def.name), numberComponents(ctx, resource), money, { id: { isVisible: false } }, def.properties),
    actions: { ...standardActions(def.name, ctx, writeOnly), ...def.actions },
  };
  return { resource, options };
}
