/**
 * Horizontal bars in plain CSS (no chart library, nothing fetched): each bar
 * is as long as its share of the largest value. They grow from the start
 * edge, so from the right in Persian.
 */
import React from 'react';
import { Box, Text } from '@adminjs/design-system';

export interface Bar {
  key: string;
  label: string;
  /** Only its ratio to the largest value matters (lengths, not amounts). */
  value: number;
  /** The value as people read it («۲٬۵۰۰٬۰۰۰ تومان»). */
  display: string;
  href?: string;
}

export function BarChart(props: { bars: Bar[]; color: string; label: string; testId: string }) {
  const { bars, color, label, testId } = props;
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <Box as="figure" m={0} aria-label={label} data-testid={testId}>
      <Box as="ul" role="list" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {bars.map((b) => {
          const share = Math.max(b.value > 0 ? 2 : 0, Math.round((b.value / max) * 100));
          const name = b.href ? (
            <a href={b.href} download style={{ color: 'inherit' }}>
              {b.label}
            </a>
          ) : (
            b.label
          );
          return (
            <li key={b.key} style={{ marginBottom: 10 }} data-testid={`${testId}-bar`}>
              <Box flex flexDirection="row" justifyContent="space-between" mb="xs">
                <Text as="span" variant="sm">
                  {name}
                </Text>
                <Text as="span" variant="sm" fontWeight="bold" style={{ whiteSpace: 'nowrap', marginInlineStart: 12 }}>
                  {b.display}
                </Text>
              </Box>
              <div style={{ background: '#EEF0F6', borderRadius: 4, height: 10, overflow: 'hidden' }} aria-hidden="true">
                <div style={{ width: `${share}%`, height: '100%', background: color, borderRadius: 4 }} />
              </div>
            </li>
          );
        })}
      </Box>
    </Box>
  );
}
