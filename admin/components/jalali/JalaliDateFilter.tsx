/**
 * Filter by a Jalali day range: two single-day pickers, each changing one key
 * per event (the filter drawer keeps only one of two changes made in one
 * event). "From" is the day's first instant in Tehran and "to" its last
 * (23:59:59.999), since @adminjs/prisma compares `~~from`/`~~to` inclusively.
 */
import React from 'react';
import { FormGroup, Label } from '@adminjs/design-system';
import { PropertyLabel, useTranslation, type FilterPropertyProps } from 'adminjs';
import { langOf } from '../lang.ts';
import { dateKindOf } from './jalali-value.ts';
import { JalaliPicker } from './JalaliPicker.tsx';

/** AdminJS's separator between a property and its range end in filter keys. */
const PARAM_SEPARATOR = '~~';

const JalaliDateFilter = (props: FilterPropertyProps) => {
  const { property, filter, onChange } = props;
  const { tc, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const kind = dateKindOf(property);
  const filters = (filter ?? {}) as Record<string, unknown>;
  const fromKey = `${property.path}${PARAM_SEPARATOR}from`;
  const toKey = `${property.path}${PARAM_SEPARATOR}to`;
  const common = { kind, lang, placeholder: tc('JalaliDate.placeholder'), clearLabel: tc('JalaliDate.clear') };
  return (
    <FormGroup variant="filter">
      <PropertyLabel property={property} filter />
      <Label>{tc('JalaliDate.from')}</Label>
      <JalaliPicker
        {...common}
        value={filters[fromKey]}
        edge="dayStart"
        testId={`jalali-filter-${property.path}-from`}
        onChange={(iso) => onChange(fromKey, iso ?? '')}
      />
      <Label mt="default">{tc('JalaliDate.to')}</Label>
      <JalaliPicker
        {...common}
        value={filters[toKey]}
        edge="dayEnd"
        testId={`jalali-filter-${property.path}-to`}
        onChange={(iso) => onChange(toKey, iso ?? '')}
      />
    </FormGroup>
  );
};

export default JalaliDateFilter;
