/**
 * The data layer under every panel resource: an AdminJS resource over one Prisma model
 * that enforces the access rules of admin/access.ts where the data is read and written,
 * so no action, hook, relation picker, filter or crafted API request can get around them.
 *
 * It replaces @adminjs/prisma's Resource (same property and filter semantics: relations
 * appear under their relation name, e.g. `center`, with the foreign key as value) because
 * that one's find/count/findOne receive no login: here every query is ANDed with the
 * login's scope, filters and sorts on properties the login may not see are dropped,
 * hidden properties never leave the server, money is shown as Rials and Toman, and a
 * plain edit writes only the whitelisted fields, in one transaction with its audit row.
 */
import { BaseProperty, BaseRecord, BaseResource, flat, ForbiddenError, NotFoundError, ValidationError } from 'adminjs';
import type { ActionContext, Filter, ParamsType, PropertyType, ResourceJSON, ResourceOptions } from 'adminjs';
import type AdminJS from 'adminjs';
import type { DMMF } from '@prisma/generator-helper';
import { audit } from '../../core/audit.ts';
import type { Tx } from '../../core/context.ts';
import { isDomainError } from '../../core/errors.ts';
import { normalizeText } from '../../core/input/normalize.ts';
import type { Scope } from '../../core/policy.ts';
import type { Db } from '../../prisma/client.ts';
import {
  canList,
  CREATE_RULES,
  creatableProperties,
  decideOn,
  EDIT_RULES,
  editableProperties,
  hiddenProperties,
  isAdminResource,
  isNeverShown,
  nameOnlyFilter,
  scopeFilter,
  whitelistPayload,
  type AdminActor,
  type AdminResource,
  type EditRule,
} from '../access.ts';
import { actorOf } from '../../http/current-admin.ts';
import { errorMessage } from './messages.ts';
import { isLanguage, type Language } from '../../messenger/i18n.ts';
import { formatRial, formatToman } from '../../messenger/format.ts';

export type Row = Record<string, unknown>;
type Where = Record<string, unknown>;

/** The part of a Prisma model delegate the panel uses. */
interface Delegate {
  findMany(args: { where?: Where; orderBy?: Where[]; skip?: number; take?: number; include?: Where }): Promise<Row[]>;
  findFirst(args: { where?: Where; include?: Where }): Promise<Row | null>;
  count(args: { where?: Where }): Promise<number>;
  update(args: { where: Where; data: Where }): Promise<Row>;
  create(args: { data: Where }): Promise<Row>;
}

function delegateOf(client: Db | Tx, model: string): Delegate {
  const delegate = (client as unknown as Record<string, Delegate | undefined>)[model.charAt(0).toLowerCase() + model.slice(1)];
  if (!delegate) throw new Error(`admin panel: no Prisma delegate for ${model}`);
  return delegate;
}

/** A property that is not a column: computed from the row (and the spec's include). */
export interface VirtualProperty {
  type?: PropertyType;
  /** Its value for a row; undefined leaves it out. */
  value?(row: Row, lng: Language): unknown;
  /** A search or filter on it, as a `where` of the model (e.g. a name over two columns). */
  filter?(query: string): Where;
  /** Accepted in a write payload (e.g. a new password), turned into columns by `beforeWrite`. */
  writable?: boolean;
}

export interface WriteContext {
  tx: Tx;
  actor: AdminActor;
  /** The whitelisted payload, unflattened. */
  input: Row;
  /** Column values about to be written; `beforeWrite` may add or change some. */
  data: Row;
  /** The row before an edit (null when creating). */
  before: Row | null;
  /** What the audit row says changed, beyond the columns (e.g. `{ password: 'changed' }`). */
  auditExtra: Row;
  lng: Language;
}

export interface ScopedResourceSpec {
  name: AdminResource;
  db: Db;
  model: DMMF.Model;
  /** Enum values by enum name (from the DMMF). */
  enums: ReadonlyMap<string, readonly string[]>;
  /** Resources registered in the panel: a relation to any other model is left out. */
  registered: ReadonlySet<string>;
  /** Relations the virtual properties read. */
  include?: Where;
  virtuals?: Record<string, VirtualProperty>;
  /** BigInt Rial columns: a decimal string of Rials for the money components, or (moneyAsText) «۲۵٬۰۰۰٬۰۰۰ ریال (۲٬۵۰۰٬۰۰۰ تومان)». */
  money?: readonly string[];
  moneyAsText?: boolean;
  /** Properties that may be sorted on (each backed by an index on large tables). */
  sortable: readonly string[];
  /** Properties that may be filtered on; every other filter is dropped. */
  filterable: readonly string[];
  /** Text properties filtered by equality rather than "contains" (so an index can serve them). */
  exactFilters?: readonly string[];
  defaultSort: { sortBy: string; direction: 'asc' | 'desc' };
  /** The policy scope of a row, for edits (center, county, license state). */
  policyScope?(tx: Tx, row: Row, actor: AdminActor): Promise<Scope>;
  /** Field checks for writes: return the value to store, or throw a DomainError. */
  validators?: Record<string, (value: unknown) => unknown>;
  /** Runs in the write's transaction, before the write (e.g. hash a new password). */
  beforeWrite?(ctx: WriteContext): Promise<void>;
  /** Adds what a virtual property needs from other tables, for a page of rows at once. */
  enrich?(rows: Row[], db: Db, actor: AdminActor, lng: Language): Promise<void>;
  /** The properties a row shown only as a name keeps (access.ts nameOnlyFilter). */
  nameProperties?: readonly string[];
  /** A cheap row count for an unfiltered list of the whole province (large tables). */
  estimateCount?(db: Db): Promise<number | null>;
  /** An exact count of a filtered list from a summary table (null: count the rows). Gets the login's scope and the filters. */
  countFiltered?(db: Db, scope: Where | null, filters: Where): Promise<number | null>;
}

const MAX_PER_PAGE = 500;

/** The logged-in admin of an action context, or null (then nothing is readable). */
export function actorIn(context: ActionContext | undefined): AdminActor | null {
  try {
    return actorOf(context?.currentAdmin);
  } catch {
    return null;
  }
}

export function localeIn(context: { currentAdmin?: unknown } | undefined): Language {
  const lng = (context?.currentAdmin as { locale?: unknown } | undefined)?.locale;
  return isLanguage(lng) ? lng : 'fa';
}

export function formatMoney(rial: bigint, lng: Language): string {
  return `${formatRial(rial, lng)} (${formatToman(rial, lng)})`;
}

/** DMMF scalar types as AdminJS property types. */
const TYPES: Record<string, PropertyType> = {
  String: 'string',
  Boolean: 'boolean',
  Int: 'number',
  Float: 'float',
  BigInt: 'string',
  DateTime: 'datetime',
  Json: 'mixed',
};

export class ModelProperty extends BaseProperty {
  readonly field: DMMF.Field | null;
  /** For a relation: the foreign key column holding its value. */
  readonly foreignKey: string | null;
  readonly target: string | null;
  readonly values: readonly string[] | null;
  readonly virtual: VirtualProperty | null;

  constructor(args: {
    path: string;
    type: PropertyType;
    position: number;
    sortable: boolean;
    field?: DMMF.Field;
    foreignKey?: string;
    target?: string;
    values?: readonly string[];
    virtual?: VirtualProperty;
  }) {
    super({ path: args.path, type: args.type, isId: !!args.field?.isId, isSortable: args.sortable, position: args.position });
    this.field = args.field ?? null;
    this.foreignKey = args.foreignKey ?? null;
    this.target = args.target ?? null;
    this.values = args.values ?? null;
    this.virtual = args.virtual ?? null;
  }

  override reference(): string | null {
    return this.target;
  }

  override availableValues(): string[] | null {
    return this.values ? [...this.values] : null;
  }

  override isArray(): boolean {
    return !!this.field?.isList;
  }

  override isRequired(): boolean {
    return !!this.field?.isRequired && !this.field.hasDefaultValue && !this.field.isUpdatedAt;
  }

  override isEditable(): boolean {
    if (this.virtual) return !!this.virtual.writable;
    return !this.isId() && this.name() !== 'createdAt' && this.name() !== 'updatedAt';
  }
}

export class ScopedPrismaResource extends BaseResource {
  readonly spec: ScopedResourceSpec;
  readonly #props: Map<string, ModelProperty>;
  readonly #fields: Map<string, DMMF.Field>;
  readonly #idField: DMMF.Field;

  constructor(spec: ScopedResourceSpec) {
    super();
    this.spec = spec;
    this.#fields = new Map(spec.model.fields.map((f) => [f.name, f]));
    const id = spec.model.fields.find((f) => f.isId);
    if (!id) throw new Error(`admin panel: model ${spec.model.name} has no single id`);
    this.#idField = id;
    this.#props = this.#buildProperties();
  }

  #buildProperties(): Map<string, ModelProperty> {
    const props = new Map<string, ModelProperty>();
    let position = 0;
    const sortable = new Set(this.spec.sortable);
    for (const field of this.spec.model.fields) {
      // Foreign key columns appear through their relation; list relations are not properties.
      if (field.isReadOnly) continue;
      if (field.kind === 'object') {
        const fk = field.relationFromFields?.[0];
        if (!fk || field.relationFromFields!.length !== 1 || !this.spec.registered.has(field.type)) continue;
        props.set(field.name, new ModelProperty({ path: field.name, type: 'reference', position: position++, sortable: false, field, foreignKey: fk, target: field.type }));
        continue;
      }
      const values = field.kind === 'enum' ? this.spec.enums.get(field.type) : undefined;
      let type: PropertyType = field.kind === 'enum' ? 'string' : (TYPES[field.type] ?? 'string');
      if (type === 'datetime' && field.nativeType?.[0] === 'Date') type = 'date';
      if (field.isId && field.type === 'BigInt') type = 'number';
      props.set(field.name, new ModelProperty({ path: field.name, type, position: position++, sortable: sortable.has(field.name), field, values }));
    }
    for (const [name, virtual] of Object.entries(this.spec.virtuals ?? {})) {
      props.set(name, new ModelProperty({ path: name, type: virtual.type ?? 'string', position: position++, sortable: false, virtual }));
    }
    return props;
  }

  override databaseName(): string {
    return 'prisma';
  }

  override databaseType(): string {
    return 'postgresql';
  }

  override id(): string {
    return this.spec.name;
  }

  override properties(): ModelProperty[] {
    return [...this.#props.values()];
  }

  override property(path: string): ModelProperty | null {
    return this.#props.get(path) ?? null;
  }

  override build(params: Record<string, unknown>): BaseRecord {
    return new BaseRecord(flat.unflatten(params), this);
  }

  // ---------------------------------------------------------------- reading

  /** The login's scope ANDed with `where`; NOTHING for no login. */
  #scoped(actor: AdminActor | null, where: Where | null): Where {
    if (!actor) return { id: { in: [] } };
    const scope = scopeFilter(actor, this.spec.name) as Where | null;
    const parts = [scope, where].filter((w): w is Where => !!w && Object.keys(w).length > 0);
    return parts.length === 0 ? {} : parts.length === 1 ? parts[0]! : { AND: parts };
  }

  /** Filters the login may use, as a Prisma `where`; anything else is dropped, never trusted. */
  #filterWhere(actor: AdminActor | null, filter: Filter | undefined): Where | null {
    if (!actor || !filter) return null;
    const hidden = hiddenProperties(actor, this.spec.name);
    const allowed = new Set(this.spec.filterable);
    const parts: Where[] = [];
    for (const [path, entry] of Object.entries(filter.filters ?? {})) {
      const property = this.#props.get(path);
      if (!property || hidden.has(path) || !allowed.has(path)) continue;
      const part = this.#filterOn(property, entry.value, actor);
      if (part) parts.push(part);
    }
    return parts.length ? { AND: parts } : null;
  }

  #filterOn(p: ModelProperty, value: unknown, actor: AdminActor): Where | null {
    if (p.virtual) return typeof value === 'string' && value.trim() && p.virtual.filter ? p.virtual.filter(normalizeText(value)) : null;
    if (p.foreignKey) {
      // Filtering by a record of a resource the login cannot read would be an oracle.
      if (typeof value !== 'string' || !value || (isAdminResource(p.target!) && !canList(actor, p.target))) return null;
      return { [p.foreignKey]: value };
    }
    const field = p.field!;
    const name = field.name;
    if (p.values) return typeof value === 'string' && p.values.includes(value) ? { [name]: value } : null;
    switch (p.type()) {
      case 'boolean':
        return value === 'true' || value === true ? { [name]: true } : value === 'false' || value === false ? { [name]: false } : null;
      case 'number':
      case 'float': {
        const n = typeof value === 'string' ? Number(normalizeText(value)) : typeof value === 'number' ? value : NaN;
        if (!Number.isFinite(n)) return null;
        return { [name]: field.type === 'BigInt' ? BigInt(Math.trunc(n)) : n };
      }
      case 'date':
      case 'datetime': {
        if (typeof value !== 'object' || value === null) return null;
        const range = value as { from?: unknown; to?: unknown };
        const cond: Where = {};
        const from = typeof range.from === 'string' ? new Date(range.from) : null;
        const to = typeof range.to === 'string' ? new Date(range.to) : null;
        if (from && !Number.isNaN(from.getTime())) cond.gte = from;
        if (to && !Number.isNaN(to.getTime())) cond.lte = to;
        return Object.keys(cond).length ? { [name]: cond } : null;
      }
      case 'string': {
        if (typeof value !== 'string' || !value.trim() || field.type !== 'String') return null;
        if (field.isId || this.spec.exactFilters?.includes(name)) return { [name]: normalizeText(value) };
        return { [name]: { contains: normalizeText(value), mode: 'insensitive' } };
      }
      default:
        return null;
    }
  }

  #orderBy(actor: AdminActor, sort: { sortBy?: string; direction?: 'asc' | 'desc' } | undefined): Where[] {
    const hidden = hiddenProperties(actor, this.spec.name);
    const wanted = sort?.sortBy;
    const ok = wanted && this.spec.sortable.includes(wanted) && !hidden.has(wanted) && this.#fields.has(wanted);
    const sortBy = ok ? wanted : this.spec.defaultSort.sortBy;
    const direction = sort?.direction === 'asc' || sort?.direction === 'desc' ? sort.direction : this.spec.defaultSort.direction;
    // The id breaks ties, so pages do not overlap.
    return sortBy === this.#idField.name ? [{ [sortBy]: direction }] : [{ [sortBy]: direction }, { [this.#idField.name]: direction }];
  }

  #idValue(id: string | number): string | bigint | null {
    if (this.#idField.type === 'BigInt') return /^\d{1,19}$/.test(String(id)) ? BigInt(id) : null;
    return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : null;
  }

  override async count(filter: Filter, context?: ActionContext): Promise<number> {
    const actor = actorIn(context);
    const filterWhere = this.#filterWhere(actor, filter);
    if (actor && !filterWhere && this.spec.estimateCount && scopeFilter(actor, this.spec.name) === null) {
      const estimate = await this.spec.estimateCount(this.spec.db);
      if (estimate !== null) return estimate;
    }
    if (actor && filterWhere && this.spec.countFiltered) {
      const exact = await this.spec.countFiltered(this.spec.db, scopeFilter(actor, this.spec.name) as Where | null, filterWhere);
      if (exact !== null) return exact;
    }
    return delegateOf(this.spec.db, this.spec.model.name).count({ where: this.#scoped(actor, filterWhere) });
  }

  override async find(
    filter: Filter,
    options: { limit?: number; offset?: number; sort?: { sortBy?: string; direction?: 'asc' | 'desc' } } = {},
    context?: ActionContext,
  ): Promise<BaseRecord[]> {
    const actor = actorIn(context);
    if (!actor) return [];
    const rows = await delegateOf(this.spec.db, this.spec.model.name).findMany({
      where: this.#scoped(actor, this.#filterWhere(actor, filter)),
      orderBy: this.#orderBy(actor, options.sort),
      skip: Math.max(0, Number(options.offset) || 0),
      take: Math.min(MAX_PER_PAGE, Math.max(1, Number(options.limit) || 10)),
      ...(this.spec.include ? { include: this.spec.include } : {}),
    });
    return this.#records(rows, actor, localeIn(context));
  }

  override async findOne(id: string, context?: ActionContext): Promise<BaseRecord | null> {
    const actor = actorIn(context);
    const value = this.#idValue(id);
    if (!actor || value === null) return null;
    const row = await this.#findScoped(this.spec.db, actor, value);
    return row ? ((await this.#records([row], actor, localeIn(context)))[0] ?? null) : null;
  }

  override async findMany(ids: Array<string | number>, context?: ActionContext): Promise<BaseRecord[]> {
    const actor = actorIn(context);
    const values = ids.map((id) => this.#idValue(id)).filter((v) => v !== null);
    if (!actor || values.length === 0) return [];
    const delegate = delegateOf(this.spec.db, this.spec.model.name);
    const rows = await delegate.findMany({
      where: this.#scoped(actor, { [this.#idField.name]: { in: values } }),
      ...(this.spec.include ? { include: this.spec.include } : {}),
    });
    const records = await this.#records(rows, actor, localeIn(context));
    // AdminJS fetches referenced rows here (a gift's "confirmed by"): a row outside the
    // login's scope but named by its rule travels as its name alone, not its contact details.
    const nameOnly = nameOnlyFilter(actor, this.spec.name);
    const missing = values.filter((v) => !rows.some((r) => r[this.#idField.name] === v));
    if (!nameOnly || !this.spec.nameProperties || missing.length === 0) return records;
    const named = await delegate.findMany({ where: { AND: [nameOnly, { [this.#idField.name]: { in: missing } }] }, ...(this.spec.include ? { include: this.spec.include } : {}) });
    const keep = new Set([this.#idField.name, ...this.spec.nameProperties]);
    const lng = localeIn(context);
    return [
      ...records,
      ...named.map((row) => new BaseRecord(Object.fromEntries(Object.entries(this.present(row, actor, lng)).filter(([k]) => keep.has(k))), this)),
    ];
  }

  async #records(rows: Row[], actor: AdminActor, lng: Language): Promise<BaseRecord[]> {
    if (rows.length && this.spec.enrich) await this.spec.enrich(rows, this.spec.db, actor, lng);
    return rows.map((row) => new BaseRecord(this.present(row, actor, lng), this));
  }

  #findScoped(client: Db | Tx, actor: AdminActor, id: string | bigint): Promise<Row | null> {
    return delegateOf(client, this.spec.model.name).findFirst({
      where: this.#scoped(actor, { [this.#idField.name]: id }),
      ...(this.spec.include ? { include: this.spec.include } : {}),
    });
  }

  /** A row as the login may see it: hidden properties left out, money and BigInt as text. */
  present(row: Row, actor: AdminActor, lng: Language): Row {
    const hidden = hiddenProperties(actor, this.spec.name);
    const out: Row = {};
    for (const p of this.#props.values()) {
      const name = p.name();
      if (hidden.has(name) && !p.isId()) continue;
      if (p.virtual) {
        const v = p.virtual.value?.(row, lng);
        if (v !== undefined) out[name] = v;
        continue;
      }
      if (p.foreignKey) {
        // A reference the login cannot follow would show a bare internal id.
        if (isAdminResource(p.target!) && canList(actor, p.target)) out[name] = row[p.foreignKey] ?? null;
        continue;
      }
      const v = row[name];
      out[name] = typeof v === 'bigint' ? (this.spec.moneyAsText && this.spec.money?.includes(name) ? formatMoney(v, lng) : v.toString()) : v;
    }
    return out;
  }

  // ---------------------------------------------------------------- writing

  override async create(params: Record<string, unknown>, context?: ActionContext): Promise<ParamsType> {
    const actor = this.#requireActor(context);
    return this.#write(actor, creatableProperties(actor, this.spec.name), params, context, null);
  }

  override async update(id: string, params: Record<string, unknown>, context?: ActionContext): Promise<ParamsType> {
    const actor = this.#requireActor(context);
    const value = this.#idValue(id);
    if (value === null) throw new NotFoundError(`${this.spec.name} ${id}`, 'update');
    return this.#write(actor, editableProperties(actor, this.spec.name), params, context, value);
  }

  override async delete(_id: string, _context?: ActionContext): Promise<void> {
    // See canDelete in admin/access.ts: records end through core, they are not deleted.
    throw new ForbiddenError('forbiddenError');
  }

  #requireActor(context: ActionContext | undefined): AdminActor {
    const actor = actorIn(context);
    if (!actor) throw new ForbiddenError('forbiddenError');
    return actor;
  }

  async #write(actor: AdminActor, allowed: readonly string[], params: Record<string, unknown>, context: ActionContext | undefined, id: string | bigint | null): Promise<ParamsType> {
    const lng = localeIn(context);
    if (allowed.length === 0) throw new ForbiddenError(errorMessage('FORBIDDEN', lng));
    const input = flat.unflatten(whitelistPayload(flat.flatten(params), allowed)) as Row;
    const data = this.#columns(input, lng);
    const rule: EditRule | undefined = (id === null ? CREATE_RULES : EDIT_RULES)[this.spec.name];
    try {
      const row = await this.spec.db.$transaction(
        async (tx) => {
          let before: Row | null = null;
          if (id !== null) {
            before = await this.#findScoped(tx, actor, id);
            if (!before) throw new NotFoundError(`${this.spec.name} ${String(id)}`, 'update');
            if (rule?.action && this.spec.policyScope) {
              const decision = decideOn(actor, rule.action, await this.spec.policyScope(tx, before, actor));
              if (!decision.allow) throw new ForbiddenError(errorMessage(decision.code, lng));
            }
          }
          const write: WriteContext = { tx, actor, input, data, before, auditExtra: {}, lng };
          await this.spec.beforeWrite?.(write);
          if (Object.keys(data).length === 0 && Object.keys(write.auditExtra).length === 0 && before) return before;
          const delegate = delegateOf(tx, this.spec.model.name);
          const written = id !== null ? await delegate.update({ where: { [this.#idField.name]: id }, data }) : await delegate.create({ data });
          const writtenId = written[this.#idField.name] as string | bigint;
          // A write must not move a record out of (or create one outside) the login's area.
          const after = await this.#findScoped(tx, actor, writtenId);
          if (!after) throw new ForbiddenError(errorMessage('FORBIDDEN', lng));
          const changed = Object.keys(data).filter((k) => !isNeverShown(this.spec.name, k) && (!before || !sameValue(before[k], written[k])));
          await audit(tx, actor, {
            action: `admin.${id === null ? 'create' : 'edit'}`,
            entity: this.spec.model.name,
            entityId: String(writtenId),
            before: before ? pick(before, changed) : undefined,
            after: { ...pick(written, changed), ...write.auditExtra },
          });
          return after;
        },
        { maxWait: 30_000, timeout: 30_000 },
      );
      if (this.spec.enrich) await this.spec.enrich([row], this.spec.db, actor, lng);
      return this.present(row, actor, lng);
    } catch (e) {
      throw adminError(e, lng);
    }
  }

  /** Whitelisted input as column values, checked and normalised; a bad value is a ValidationError. */
  #columns(input: Row, lng: Language): Row {
    const data: Row = {};
    const errors: Record<string, { message: string; type: string }> = {};
    for (const [key, raw] of Object.entries(input)) {
      const p = this.#props.get(key);
      if (!p || p.virtual) continue;
      try {
        if (p.foreignKey) {
          data[p.foreignKey] = raw === '' || raw === null || raw === undefined ? null : String(raw);
          continue;
        }
        const validator = this.spec.validators?.[key];
        data[key] = validator ? (raw === '' || raw === null ? null : validator(raw)) : toColumn(p, raw);
        if (data[key] === null && p.field?.isRequired) throw Object.assign(new Error('REQUIRED'), { code: 'REQUIRED' });
      } catch (e) {
        const code = isDomainError(e) ? e.code : e instanceof Error && /^[A-Z_]+$/.test(e.message) ? e.message : 'VALIDATION';
        errors[key] = { message: errorMessage(code, lng), type: code };
      }
    }
    if (Object.keys(errors).length) throw new ValidationError(errors, { message: errorMessage('VALIDATION', lng), type: 'VALIDATION' });
    return data;
  }

  // ---------------------------------------------------------------- layout per login

  /**
   * AdminJS builds its resource options once; what a login sees differs (a household's
   * identity, the edit whitelist). The resource's JSON for the browser is cut per login.
   */
  override assignDecorator(admin: AdminJS, options: ResourceOptions = {}): void {
    super.assignDecorator(admin, options);
    const decorator = this.decorate();
    const toJSON = decorator.toJSON.bind(decorator);
    decorator.toJSON = (currentAdmin) => {
      const json = toJSON(currentAdmin);
      let actor: AdminActor | null = null;
      try {
        actor = actorOf(currentAdmin);
      } catch {
        actor = null;
      }
      return actor ? this.#layoutFor(json, actor) : { ...json, listProperties: [], editProperties: [], showProperties: [], filterProperties: [], properties: {} };
    };
  }

  #layoutFor(json: ResourceJSON, actor: AdminActor): ResourceJSON {
    const hidden = hiddenProperties(actor, this.spec.name);
    const filterable = new Set(this.spec.filterable);
    const writable = new Set([...editableProperties(actor, this.spec.name), ...creatableProperties(actor, this.spec.name)]);
    const seen = <T extends { propertyPath: string }>(list: T[]) => list.filter((p) => !hidden.has(p.propertyPath.split('.')[0]!));
    return {
      ...json,
      listProperties: seen(json.listProperties),
      showProperties: seen(json.showProperties),
      filterProperties: seen(json.filterProperties).filter((p) => filterable.has(p.propertyPath)),
      editProperties: json.editProperties.filter((p) => writable.has(p.propertyPath.split('.')[0]!)),
      properties: Object.fromEntries(Object.entries(json.properties).filter(([path]) => !hidden.has(path.split('.')[0]!))),
    };
  }
}

function pick(row: Row, keys: readonly string[]): Row {
  return Object.fromEntries(keys.map((k) => [k, row[k]]));
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return a === b;
}

/** A form value as a column value of the property's type. */
function toColumn(p: ModelProperty, raw: unknown): unknown {
  const field = p.field!;
  if (raw === undefined) return undefined;
  if (field.isList) {
    const items = Array.isArray(raw) ? raw : raw === null || raw === '' ? [] : [raw];
    return items.map((v) => (typeof v === 'string' ? normalizeText(v) : v)).filter((v) => v !== '');
  }
  if (raw === null || raw === '') return field.type === 'String' || field.kind === 'enum' || !field.isRequired ? null : raw;
  if (p.values) {
    if (typeof raw !== 'string' || !p.values.includes(raw)) throw new Error('VALIDATION');
    return raw;
  }
  switch (field.type) {
    case 'String': {
      if (typeof raw !== 'string') throw new Error('VALIDATION');
      const s = normalizeText(raw);
      if (s.length > 2000) throw new Error('TEXT_TOO_LONG');
      return s === '' ? null : s;
    }
    case 'Boolean':
      if (raw === true || raw === 'true') return true;
      if (raw === false || raw === 'false') return false;
      throw new Error('VALIDATION');
    case 'Int': {
      const n = typeof raw === 'number' ? raw : Number(normalizeText(String(raw)));
      if (!Number.isSafeInteger(n)) throw new Error('VALIDATION');
      return n;
    }
    case 'Float': {
      const n = typeof raw === 'number' ? raw : Number(normalizeText(String(raw)));
      if (!Number.isFinite(n)) throw new Error('VALIDATION');
      return n;
    }
    case 'DateTime': {
      const d = raw instanceof Date ? raw : typeof raw === 'string' || typeof raw === 'number' ? new Date(raw) : null;
      if (!d || Number.isNaN(d.getTime())) throw new Error('INVALID_DATE');
      return d;
    }
    default:
      // Json, BigInt: never edited from the panel.
      throw new Error('VALIDATION');
  }
}

/** Errors of a write as AdminJS understands them (a notice, not a 500). */
function adminError(e: unknown, lng: Language): unknown {
  if (e instanceof ValidationError || e instanceof ForbiddenError || e instanceof NotFoundError) return e;
  if (isDomainError(e)) {
    if (e.code === 'FORBIDDEN' || e.code === 'CENTER_READ_ONLY') return new ForbiddenError(errorMessage(e.code, lng));
    if (e.code === 'NOT_FOUND') return new NotFoundError(errorMessage(e.code, lng), 'write');
    return new ValidationError({}, { message: errorMessage(e.code, lng), type: e.code });
  }
  // Database constraints (unique keys, CHECKs) the form could not know about.
  const code = (e as { code?: unknown } | null)?.code;
  if (code === 'P2002') return new ValidationError({}, { message: errorMessage('CONFLICT', lng), type: 'CONFLICT' });
  if (typeof code === 'string' && /^P2\d{3}$/.test(code)) return new ValidationError({}, { message: errorMessage('VALIDATION', lng), type: 'VALIDATION' });
  if (e instanceof Error && /check constraint|violates/i.test(e.message)) return new ValidationError({}, { message: errorMessage('VALIDATION', lng), type: 'VALIDATION' });
  return e;
}
