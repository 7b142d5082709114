/**
 * A panel action as configuration over one core use-case: the form is drawn from the
 * use-case's own zod input schema (as JSON Schema, `io: 'input'`), the button shows only
 * where core's policy allows the action on that record, and a POST calls the use-case with
 * what was typed -- core parses, authorizes, writes, audits. Nothing here restates a rule of
 * core: a refusal comes back as core's DomainError, shown in the login's language beside
 * the form. The form is admin/components/actions/CoreActionForm.tsx; see the README
 * (panel section) for how to add an action.
 *
 *   issueLicense: coreAction(ctx, {
 *     resource: 'Center', name: 'issueLicense', input: issueLicenseInput,
 *     useCase: (core) => core.centers.issueLicense, policy: 'license.decide',
 *     record: 'centerId', records: (center) => center.licenseState === 'APPLIED',
 *   }),
 */
import { Filter, type Action, type ActionContext, type ActionRequest, type ActionResponse, type BaseRecord } from 'adminjs';
import { z } from 'zod';
import type { Actor } from '../../../core/actor.ts';
import type { Core } from '../../../core/index.ts';
import { DomainError } from '../../../core/errors.ts';
import { toAsciiDigits } from '../../../core/input/normalize.ts';
import { TEHRAN } from '../../../core/jalali.ts';
import { can, type Action as PolicyAction, type Scope } from '../../../core/policy.ts';
import type { Language } from '../../../messenger/i18n.ts';
import { roleMay, type AdminActor, type AdminResource } from '../../access.ts';
import { localeString } from '../../locale/index.ts';
import { allowed, type DefineContext } from '../define.ts';
import { resourceMessage, valueLabel } from '../messages.ts';
import { actorIn, localeIn } from '../scoped-resource.ts';
import { refusal } from './refusal.ts';

type Params = Record<string, unknown>;

/** A relation picker: the records of `resource` this login may read (optionally narrowed by the record acted on). */
export type Relation = AdminResource | { resource: AdminResource; filter?: (record: Params) => Record<string, string> };

export interface CoreActionSpec<S extends z.ZodType, R> {
  /** The AdminJS resource the button sits on. */
  resource: AdminResource;
  /** The action's name: its label is `resources.<resource>.actions.<name>`, its success notice `messages.<name>`. */
  name: string;
  /** Core's input schema of the use-case (the form is drawn from it). */
  input: S;
  /** The use-case, bound: `(core) => core.centers.issueLicense`. */
  useCase: (core: Core) => (actor: Actor, input: z.input<S>) => Promise<R>;
  /** The policy action core checks: the button shows only where it would allow it. */
  policy: PolicyAction;
  /** A record action: the input field the record's id fills (absent: an action on the resource, e.g. "new"). */
  record?: string;
  /**
   * Further input fields the record fills, from its own values (input field -> the record's
   * param), left out of the form: aid answering a need takes the need's household and center.
   */
  fromRecord?: Record<string, string>;
  /** Which records offer the button (their state), e.g. `(center) => center.licenseState === 'APPLIED'`. */
  records?: (params: Params) => boolean;
  /** Input fields chosen from records of another resource, limited to the login's scope. */
  relations?: Record<string, Relation>;
  /** The resource whose locale names the fields and their values, when not `resource` (an inspection recorded on a center). */
  labels?: AdminResource;
  /** Free-text fields written over several lines. */
  multiline?: readonly string[];
  /** An edit: the form opens with the record's current values (a use-case that changes only what it is given). */
  prefill?: boolean;
  /** Fields the form leaves out (core's default applies). */
  hidden?: readonly string[];
  /** The success notice's key in `messages.*` when it depends on the result (default: the action's name). */
  notice?: (result: R) => string;
  /** Where to go after success (default: the record's page; a created record's page when the result has an `id`). */
  redirect?: (result: R) => { resource: AdminResource; id: string } | null;
  icon?: string;
  variant?: 'default' | 'primary' | 'success' | 'danger' | 'info' | 'light';
}

/** The JSON Schema of an input object, as zod writes it; properties are JSON Schema nodes. */
interface ObjectSchema {
  type: 'object';
  properties: Record<string, JsonNode>;
  required?: string[];
}
type JsonNode = { type?: string; format?: string; enum?: unknown[]; anyOf?: unknown[]; [k: string]: unknown };

/** What the form needs besides the schema: labels and choices, in the login's language. */
export interface FieldUi {
  label: string;
  /** What the form says beside the field (`resources.<R>.hints.<field>`), e.g. which card may be typed. */
  hint?: string;
  multiline?: boolean;
  options?: { value: string; label: string }[];
}

export interface CoreActionForm {
  schema: ObjectSchema;
  ui: Record<string, FieldUi>;
  /** The record's current values, as the form's text (an edit). */
  values?: Record<string, string>;
}

export function inputJsonSchema(input: z.ZodType): ObjectSchema {
  const schema = z.toJSONSchema(input, { io: 'input', unrepresentable: 'any' }) as unknown as ObjectSchema;
  if (schema.type !== 'object' || !schema.properties) throw new Error('a core action needs an object input schema');
  return schema;
}

/** Labels come from the resource's properties (`countyId` falls back to `county`), then the common field names. */
function fieldLabel(lng: Language, resource: string, field: string): string {
  const key = (r: string, f: string) => localeString(lng, 'admin-resources', `resources.${r}.properties.${f}`);
  const bare = field.replace(/Id$/, '');
  return key(resource, field) ?? key(resource, bare) ?? localeString(lng, 'admin-resources', `fields.${field}`) ?? field;
}

/** The record's place for the policy: its own center and county, else the login's own area (the record was found inside it). */
function scopeOf(resource: AdminResource, actor: AdminActor, p: Params): Scope {
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const own = actor.kind === 'trustee' ? { centerId: actor.centerId } : { countyId: actor.countyId ?? null };
  const centerId = resource === 'Center' ? str(p.id) : str(p.centerId) ?? str(p.center);
  const countyId = resource === 'County' ? str(p.id) : str(p.countyId) ?? str(p.county);
  const licenseState = str(p.licenseState) as Scope['licenseState'];
  return { ...own, ...(centerId ? { centerId } : {}), ...(countyId ? { countyId } : {}), ...(licenseState ? { licenseState } : {}) };
}

/**
 * Form values (text, as typed) as the use-case's input: numbers and shapes parsed, empty
 * fields left out -- except in an edit, where the form sends a field empty only when the
 * person emptied it: it goes to core as '' (an optional text is cleared, a required one
 * refused in words), never dropped while the answer says "saved".
 */
export function formToInput(schema: ObjectSchema, payload: Params, options: { edit?: boolean } = {}): Params {
  const input: Params = {};
  for (const [name, node] of Object.entries(schema.properties)) {
    const raw = payload[name];
    // AdminJS hands an emptied date or number field over as null.
    if ((raw === '' || raw === null) && options.edit && node.type !== 'boolean') {
      input[name] = '';
      continue;
    }
    if (raw === undefined || raw === null || raw === '') continue;
    if (typeof raw !== 'string') input[name] = raw;
    else if (node.type === 'number') input[name] = Number(toAsciiDigits(raw.trim()).replace('٫', '.')) || raw;
    else if (node.type === 'boolean') input[name] = raw === 'true';
    else if (node.type === 'object' || node.type === 'array' || node.anyOf) input[name] = parseJson(raw);
    // Whole numbers, amounts, dates, codes: core's schema reads them in any digits.
    else input[name] = raw;
  }
  return input;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw; // core's schema refuses it with its own code
  }
}

async function relationOptions(relation: Relation, record: Params, context: ActionContext): Promise<FieldUi['options']> {
  const { resource: id, filter } = typeof relation === 'string' ? { resource: relation, filter: undefined } : relation;
  const target = context._admin.findResource(id);
  // The scoped data layer limits the choices to what this login may read.
  const records = await target.find(new Filter(filter?.(record) ?? {}, target), { limit: 500 }, context);
  // The resource's titleProperty (a virtual such as a donor's displayName too); BaseRecord.title() knows only columns.
  const decorated = target.decorate();
  return records.map((r: BaseRecord) => ({ value: String(r.id()), label: String(decorated.titleOf(r) ?? r.title()) }));
}

async function formFor<S extends z.ZodType, R>(spec: CoreActionSpec<S, R>, schema: ObjectSchema, record: Params, context: ActionContext): Promise<CoreActionForm> {
  const lng = localeIn(context);
  const hidden = new Set([...(spec.hidden ?? []), ...(spec.record ? [spec.record] : []), ...Object.keys(spec.fromRecord ?? {})]);
  const properties = Object.fromEntries(Object.entries(schema.properties).filter(([name]) => !hidden.has(name)));
  const ui: Record<string, FieldUi> = {};
  for (const [name, node] of Object.entries(properties)) {
    const named = spec.labels ?? spec.resource;
    const field: FieldUi = { label: fieldLabel(lng, named, name) };
    const hint = localeString(lng, 'admin-resources', `resources.${named}.hints.${name}`);
    if (hint) field.hint = hint;
    if (spec.multiline?.includes(name)) field.multiline = true;
    const relation = spec.relations?.[name];
    if (relation) field.options = await relationOptions(relation, record, context);
    else if (node.enum) field.options = node.enum.map((v) => ({ value: String(v), label: valueLabel(lng, named, name, String(v)) }));
    ui[name] = field;
  }
  return {
    schema: { ...schema, properties, required: (schema.required ?? []).filter((n) => !hidden.has(n)) },
    ui,
    ...(spec.prefill ? { values: currentValues(properties, record) } : {}),
  };
}

/** A record's values as the form's text: lists one item a line, days as YYYY-MM-DD, shapes as JSON. */
export function currentValues(properties: Record<string, JsonNode>, record: Params): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, node] of Object.entries(properties)) {
    // AdminJS flattens a record's lists and objects (`skills.0`, `boundary.type`).
    const nested = Object.keys(record).filter((k) => k.startsWith(`${name}.`));
    const value = record[name] ?? (nested.length ? flatValue(name, nested, record) : undefined);
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && node.type !== 'array') values[name] = value.join('\n');
    else if (typeof value === 'object' && !(value instanceof Date)) values[name] = JSON.stringify(value);
    else if (node.format === 'date') values[name] = tehranDay(value);
    else values[name] = String(value);
  }
  return values;
}

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in Tehran, where the form's Jalali picker
 * reads it: a task due late in the evening in Tehran is already the next day in UTC. A stored
 * day (@db.Date, midnight UTC) stays the same day.
 */
function tehranDay(value: unknown): string {
  const at = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(at.getTime())) return String(value).slice(0, 10);
  return new Intl.DateTimeFormat('en-CA', { timeZone: TEHRAN, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

function flatValue(name: string, keys: string[], record: Params): unknown {
  const items = keys.map((k) => [k.slice(name.length + 1), record[k]] as const);
  if (items.every(([k]) => /^\d+$/.test(k))) return items.sort(([a], [b]) => Number(a) - Number(b)).map(([, v]) => v);
  return unflattenInto({}, items);
}

function unflattenInto(target: Params, items: ReadonlyArray<readonly [string, unknown]>): Params {
  for (const [path, v] of items) {
    const parts = path.split('.');
    let at: Params = target;
    parts.forEach((part, i) => {
      if (i === parts.length - 1) at[part] = v;
      else at = (at[part] ??= /^\d+$/.test(parts[i + 1]!) ? [] : {}) as Params;
    });
  }
  return target;
}

export function coreAction<S extends z.ZodType, R>(ctx: DefineContext, spec: CoreActionSpec<S, R>): Partial<Action<ActionResponse>> {
  const schema = inputJsonSchema(spec.input);
  const core = ctx.deps.core;
  const mayOn = (actor: AdminActor, record: BaseRecord | undefined) => {
    if (!spec.record) return roleMay(actor, spec.policy);
    const params = (record?.params ?? {}) as Params;
    return can(actor, spec.policy, scopeOf(spec.resource, actor, params)) && (spec.records?.(params) ?? true);
  };
  const check = (c: { currentAdmin?: ActionContext['currentAdmin']; record?: BaseRecord }) => allowed(c.currentAdmin, (actor) => mayOn(actor, c.record));

  const handler = async (request: ActionRequest, _response: unknown, context: ActionContext): Promise<ActionResponse> => {
    const { record, currentAdmin } = context;
    if (spec.record && !record) throw new Error(`${spec.name}: no record`);
    const shown = record ? { record: record.toJSON(currentAdmin) } : {};
    const params = (record?.params ?? {}) as Params;
    const lng = localeIn(context);
    // A GET only describes the form: AdminJS loads an action with GET, and a GET changes nothing.
    if (request.method !== 'post') return { ...shown, data: { form: await formFor(spec, schema, params, context) } };
    const actor = actorIn(context);
    if (!actor) return { ...shown, ...refusal(new DomainError('FORBIDDEN'), lng) };
    const input = formToInput(schema, (request.payload ?? {}) as Params, { edit: spec.prefill });
    if (spec.record && record) input[spec.record] = String(record.id());
    // What the record says wins over anything posted for these fields (the form has none).
    for (const [field, param] of Object.entries(spec.fromRecord ?? {})) {
      const value = params[param];
      if (value === undefined || value === null || value === '') delete input[field];
      else input[field] = String(value);
    }
    let result: R;
    try {
      result = await spec.useCase(core)(actor, input as z.input<S>);
    } catch (e) {
      return { ...shown, ...refusal(e, lng) };
    }
    const target = spec.redirect ? spec.redirect(result) : defaultTarget(spec, record, result);
    const fresh = record ? await context.resource.findOne(String(record.id()), context) : null;
    return {
      ...(fresh ? { record: fresh.toJSON(currentAdmin) } : shown),
      notice: { message: resourceMessage(lng, spec.notice?.(result) ?? spec.name), type: 'success' },
      data: { done: true },
      ...(target ? { redirectUrl: context.h.recordActionUrl({ resourceId: target.resource, recordId: target.id, actionName: 'show' }) } : {}),
    };
  };

  return {
    name: spec.name,
    actionType: spec.record ? 'record' : 'resource',
    icon: spec.icon ?? 'Edit',
    variant: spec.variant ?? 'default',
    component: ctx.deps.components?.CoreActionForm ?? false,
    isVisible: check,
    isAccessible: check,
    handler,
  };
}

function defaultTarget<R>(spec: CoreActionSpec<z.ZodType, R>, record: BaseRecord | undefined, result: R): { resource: AdminResource; id: string } | null {
  if (record) return { resource: spec.resource, id: String(record.id()) };
  const id = (result as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? { resource: spec.resource, id } : null;
}
