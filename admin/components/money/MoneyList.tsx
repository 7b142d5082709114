/** A Rial amount in a list row, with its Toman value under it. */
import React from 'react';
import type { BasePropertyProps } from 'adminjs';
import { MoneyAmount } from './MoneyAmount.tsx';

const MoneyList = (props: BasePropertyProps) => <MoneyAmount value={props.record?.params?.[props.property.path]} compact />;

export default MoneyList;
