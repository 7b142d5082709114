/**
 * Replaces AdminJS's yes/no badge of a boolean property (registered as an override of
 * `BooleanPropertyValue`): AdminJS falls back to the English words "Yes"/"No" in every
 * language; here the fallback is the panel's own (messages.booleanTrue/booleanFalse). A
 * resource may still name a property's values itself (labels `<property>.true`), as in AdminJS.
 * Plain `React.createElement` rather than JSX so the server's type-check covers it.
 */
import React from 'react';
import { Badge } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

const BooleanValue = (props: BasePropertyProps) => {
  const { record, property, resource } = props;
  const { tl, tm } = useTranslation();
  const raw: unknown = record?.params?.[property.path];
  if (raw === undefined || raw === null || raw === '') return null;
  const word = tm(raw === true || raw === 'true' ? 'booleanTrue' : 'booleanFalse', resource.id);
  return React.createElement(Badge, { outline: true, size: 'sm' }, tl(`${property.path}.${String(raw)}`, resource.id, { defaultValue: word }));
};

export default BooleanValue;
