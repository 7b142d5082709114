/** A date property on the record page: its Jalali day (and Tehran time). */
import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import { langOf } from '../lang.ts';
import { dateKindOf, formatJalali } from './jalali-value.ts';

const JalaliDateShow = (props: ShowPropertyProps) => {
  const { property, record } = props;
  const { translateProperty, i18n } = useTranslation();
  const text = formatJalali(record?.params?.[property.path], dateKindOf(property), langOf(i18n.language));
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{text || '—'}</ValueGroup>;
};

export default JalaliDateShow;
