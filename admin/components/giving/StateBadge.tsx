/**
 * A state as a coloured badge, in list and show: each state its own colour (the resource
 * names them in `custom.badges`, value → colour), so a reviewer tells waiting, confirmed,
 * rejected and reversed gifts apart at a glance. The label is the state's translated name.
 */
import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type ShowPropertyProps } from 'adminjs';

const StateBadge = (props: ShowPropertyProps & { where?: string }) => {
  const { property, record, where } = props;
  const { translateProperty, translateLabel } = useTranslation();
  const value = String(record?.params?.[property.path] ?? '');
  const colours = ((property.custom ?? {}) as { badges?: Record<string, string> }).badges ?? {};
  // As AdminJS's own enum cells: resources.<R>.labels.<property>.<value>.
  const label = translateLabel(`${property.path}.${value}`, property.resourceId, { defaultValue: value });
  const badge = (
    <span
      data-testid={`state-badge-${value}`}
      style={{
        display: 'inline-block',
        whiteSpace: 'nowrap',
        padding: '2px 10px',
        borderRadius: 12,
        fontSize: 13,
        fontWeight: 600,
        color: '#fff',
        background: colours[value] ?? '#6b7280',
      }}
    >
      {label}
    </span>
  );
  if (where === 'list') return badge;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{badge}</ValueGroup>;
};

export default StateBadge;
