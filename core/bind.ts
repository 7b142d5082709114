/**
 * Binds use-cases to one context. A use-case is a plain function
 * `(ctx, actor, input) => result`, so it can be called and tested alone; the
 * bot and the panel call it as `core.area.useCase(actor, input)`. Binding keeps
 * each function's own parameter list (an optional or absent input stays so)
 * and its result type, so callers get the schema's input type and the named
 * result instead of `unknown`.
 */
import type { Actor } from './actor.ts';
import type { Ctx } from './context.ts';

/**
 * Any use-case whose leading parameters are `Lead`, then the actor. Its input is
 * `never` here because parameters are checked the other way round: every input
 * type accepts `never`, so this admits every use-case; `Bound` keeps the exact one.
 */
type UseCase<Lead extends unknown[]> = (...args: [...Lead, Actor, ...never[]]) => unknown;

/** A use-case without its leading parameters: `(ctx, actor, input) => R` becomes `(actor, input) => R`. */
export type Bound<F, Lead extends unknown[]> = F extends (...args: [...Lead, ...infer Rest]) => infer R ? (...args: Rest) => R : never;

/** Every use-case of a group, bound. */
export type BoundUseCases<T, Lead extends unknown[]> = { [K in keyof T]: Bound<T[K], Lead> };

/**
 * `bindUseCases(ctx, { issueLicense, renewLicense })` → `{ issueLicense(actor, input), renewLicense(actor, input) }`.
 * Use-cases that need more than the context (the approval use-cases need the
 * registry of handlers) take those after it: `bindUseCases(ctx, { decide }, handlers)`
 * binds `decide(ctx, handlers, actor, input)`.
 */
export function bindUseCases<const Extra extends unknown[], T extends Record<string, UseCase<[Ctx, ...Extra]>>>(
  ctx: Ctx,
  useCases: T,
  ...extra: Extra
): BoundUseCases<T, [Ctx, ...Extra]> {
  const bound: Record<string, (actor: Actor, ...input: never[]) => unknown> = {};
  for (const [name, useCase] of Object.entries(useCases)) bound[name] = (actor, ...input) => useCase(ctx, ...extra, actor, ...input);
  // Each entry is its use-case with the leading arguments given: the mapped type says exactly that.
  return bound as BoundUseCases<T, [Ctx, ...Extra]>;
}
