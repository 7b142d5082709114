/** A date property in a list row: its Jalali day (and Tehran time). */
import React from 'react';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { langOf } from '../lang.ts';
import { dateKindOf, formatJalali } from './jalali-value.ts';

const JalaliDateList = (props: BasePropertyProps) => {
  const { property, record } = props;
  const { i18n } = useTranslation();
  return <span style={{ whiteSpace: 'nowrap' }}>{formatJalali(record?.params?.[property.path], dateKindOf(property), langOf(i18n.language))}</span>;
};

export default JalaliDateList;
