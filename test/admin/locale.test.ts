/** The panel's AdminJS translations, built from locales/<lng>/admin*.json. */
import { describe, expect, it } from 'vitest';
import { adminjsLocale } from '../../admin/locale/index.ts';

/** A string at a dotted path of one language's AdminJS translations. */
function label(lng: 'fa' | 'en', ...path: string[]): unknown {
  let node: unknown = adminjsLocale(lng).translations?.[lng];
  for (const key of path) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

describe('panel locale', () => {
  it('lifts each custom action label into the global actions, which the breadcrumbs use', () => {
    expect(label('fa', 'actions', 'confirmDonation')).toBe(label('fa', 'resources', 'Donation', 'actions', 'confirmDonation'));
    expect(label('fa', 'actions', 'confirmDonation')).toMatch(/[\u0600-\u06FF]/);
    expect(label('en', 'actions', 'rejectDonation')).toBe(label('en', 'resources', 'Donation', 'actions', 'rejectDonation'));
  });
});
