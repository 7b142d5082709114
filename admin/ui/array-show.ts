/**
 * Wraps AdminJS's record-page view of an array property (registered as an override of
 * `DefaultArrayShowProperty`): each item's number («[۱]», «[۲]») in the reader's digits,
 * where AdminJS writes them in Latin digits whatever the language.
 * Plain `React.createElement` rather than JSX so the server's type-check covers it.
 */
import React, { type ComponentType } from 'react';
import { useTranslation, type PropertyJSON, type ShowPropertyProps } from 'adminjs';
import { formatNumber, langOf } from '../components/lang.ts';

type ItemProps = ShowPropertyProps & { property: PropertyJSON };
type Props = ItemProps & {
  ItemComponent: ComponentType<ItemProps>;
  OriginalComponent?: ComponentType<ItemProps & { ItemComponent: ComponentType<ItemProps> }>;
};

const ArrayShow = (props: Props) => {
  const { OriginalComponent, ItemComponent, ...rest } = props;
  const { i18n } = useTranslation();
  if (!OriginalComponent) return null;
  const lang = langOf(i18n.language);
  const LocalItem = (item: ItemProps) =>
    React.createElement(ItemComponent, {
      ...item,
      property: { ...item.property, label: item.property.label.replace(/\d+/g, (d) => formatNumber(Number(d), lang)) },
    });
  return React.createElement(OriginalComponent, { ...rest, ItemComponent: LocalItem });
};

export default ArrayShow;
