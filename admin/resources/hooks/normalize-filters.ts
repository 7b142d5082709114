/**
 * A `before` hook for list and search actions: filter and search values typed with Persian
 * or Arabic digits, Arabic ي/ك, stray direction marks or extra spaces are normalised
 * (core/input/normalize.ts) before any query, so «۱۲۳» finds 123 and «علي» finds «علی».
 *
 *   actions: { list: { before: [normalizeFilters] }, search: { before: [normalizeFilters] } }
 */
import type { ActionRequest, Before } from 'adminjs';
import { normalizeText } from '../../../core/input/normalize.ts';

function normalizeValue(value: unknown): unknown {
  if (typeof value === 'string') return normalizeText(value);
  if (Array.isArray(value)) return value.map(normalizeValue);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, normalizeValue(v)]));
  }
  return value;
}

/** The request with every `filters.*` query value and the search `query` normalised. */
export function normalizeFilterRequest(request: ActionRequest): ActionRequest {
  const query = request.query ? { ...request.query } : undefined;
  if (query) {
    for (const key of Object.keys(query)) {
      if (key.startsWith('filters.') || key === 'filters') query[key] = normalizeValue(query[key]);
    }
  }
  const params = { ...request.params };
  if (typeof params.query === 'string') params.query = normalizeText(params.query);
  return { ...request, query, params };
}

export const normalizeFilters: Before = async (request) => normalizeFilterRequest(request);
