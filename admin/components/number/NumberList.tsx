/** A number in a list row, in the reader's digits. */
import React from 'react';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { langOf } from '../lang.ts';
import { formatStoredNumber, groupingOf } from './number-value.ts';

const NumberList = (props: BasePropertyProps) => {
  const { property, record } = props;
  const { i18n } = useTranslation();
  const text = formatStoredNumber(record?.params?.[property.path], langOf(i18n.language), { grouping: groupingOf(property) });
  return <span data-testid="number-value">{text}</span>;
};

export default NumberList;
