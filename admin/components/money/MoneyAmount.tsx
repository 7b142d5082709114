/** «۲۵٬۰۰۰٬۰۰۰ ریال» with «۲٬۵۰۰٬۰۰۰ تومان» under it, for show and list. */
import React from 'react';
import { Text } from '@adminjs/design-system';
import { useTranslation } from 'adminjs';
import { langOf } from '../lang.ts';
import { formatRialNumber, formatTomanNumber, parseRial } from './money-value.ts';

export function MoneyAmount(props: { value: unknown; compact?: boolean }) {
  const { tc, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const rial = parseRial(props.value);
  if (rial === null) return <span>—</span>;
  const rialText = tc('Money.rial', { amount: formatRialNumber(rial, lang) });
  const tomanText = tc('Money.toman', { amount: formatTomanNumber(rial, lang) });
  return (
    <span data-testid="money-amount" style={{ display: 'inline-block', whiteSpace: 'nowrap' }}>
      <span>{rialText}</span>
      <Text as="span" variant="xs" color="grey60" style={{ display: props.compact ? 'block' : 'inline', marginInlineStart: props.compact ? 0 : 8 }}>
        ({tomanText})
      </Text>
    </span>
  );
}
