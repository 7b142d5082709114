/** A number on the record page, in the reader's digits. */
import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import { langOf } from '../lang.ts';
import { formatStoredNumber, groupingOf } from './number-value.ts';

const NumberShow = (props: ShowPropertyProps) => {
  const { property, record } = props;
  const { translateProperty, i18n } = useTranslation();
  const text = formatStoredNumber(record?.params?.[property.path], langOf(i18n.language), { grouping: groupingOf(property) });
  return (
    <ValueGroup label={translateProperty(property.label, property.resourceId)}>
      <span data-testid="number-value">{text || '—'}</span>
    </ValueGroup>
  );
};

export default NumberShow;
