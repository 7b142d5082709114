/**
 * Replaces AdminJS's list cell of an array property (registered as an override of
 * `DefaultArrayListProperty`): «تعداد: ۲» in the reader's digits, where AdminJS writes the
 * count in Latin digits in every language.
 * Plain `React.createElement` rather than JSX so the server's type-check covers it.
 */
import React from 'react';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { formatNumber, langOf } from '../components/lang.ts';

/** How many items the flattened record holds under `path` (`skills.0`, `skills.1`, ... or an array). */
export function itemCount(params: Record<string, unknown> | undefined, path: string): number {
  if (!params) return 0;
  const whole = params[path];
  if (Array.isArray(whole)) return whole.length;
  const indices = new Set<string>();
  for (const key of Object.keys(params)) {
    if (!key.startsWith(`${path}.`)) continue;
    const index = key.slice(path.length + 1).split('.')[0]!;
    if (/^\d+$/.test(index)) indices.add(index);
  }
  return indices.size;
}

const ArrayCount = (props: BasePropertyProps) => {
  const { property, record } = props;
  const { translateProperty, i18n } = useTranslation();
  const count = itemCount(record?.params, property.path);
  return React.createElement('span', null, `${translateProperty('length')}: ${formatNumber(count, langOf(i18n.language))}`);
};

export default ArrayCount;
