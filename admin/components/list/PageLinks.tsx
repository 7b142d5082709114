/**
 * The list's pagination in the reader's digits: the design system's Pagination writes its
 * page numbers in Latin digits whatever the language. Same buttons, test ids and window.
 */
import React from 'react';
import { Box, Button, Icon } from '@adminjs/design-system';
import { formatNumber, type Lang } from '../lang.ts';
import { pageWindow } from './page-window.ts';

interface Props {
  total: number;
  page: number;
  perPage: number;
  lang: Lang;
  onChange(page: number): void;
}

const LINK_STYLE = { minWidth: 28, height: 28, lineHeight: '12px', padding: '3px 6px' } as const;

export function PageLinks(props: Props) {
  const { total, perPage, lang, onChange } = props;
  const current = props.page || 1;
  const { totalPages, pages } = pageWindow(total, current, perPage);
  if (total === 0 || totalPages === 1) return null;
  const go = (page: number) => () => (page !== current ? onChange(page) : undefined);
  const link = (testId: string, page: number, content: React.ReactNode, contained = false) => (
    <Button key={testId} data-testid={testId} size="icon" variant={contained ? 'contained' : 'text'} style={LINK_STYLE} onClick={go(page)}>
      {content}
    </Button>
  );
  return (
    <Box data-testid="page-links" display="inline-block" p="2px" style={{ border: '1px solid #eeeeef' }}>
      {link('first', 1, <Icon icon="SkipBack" />)}
      {link('previous', Math.max(1, current - 1), <Icon icon="ChevronLeft" />)}
      {pages.map((p) => link(`page-${p}`, p, formatNumber(p, lang), p === current))}
      {link('next', Math.min(totalPages, current + 1), <Icon icon="ChevronRight" />)}
      {link('last', totalPages, <Icon icon="SkipForward" />)}
    </Box>
  );
}
