/** A Rial amount on the record page, with its Toman value. */
import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';
import { MoneyAmount } from './MoneyAmount.tsx';

const MoneyShow = (props: ShowPropertyProps) => {
  const { property, record } = props;
  const { translateProperty } = useTranslation();
  return (
    <ValueGroup label={translateProperty(property.label, property.resourceId)}>
      <MoneyAmount value={record?.params?.[property.path]} />
    </ValueGroup>
  );
};

export default MoneyShow;
