/**
 * AdminJS's list action (registered as an override of `DefaultListAction`), as AdminJS 7.8
 * writes it, with the reader's digits where it writes Latin ones whatever the language:
 * the record count beside the title («فهرست ۸۵») and the page numbers.
 */
import React, { useEffect } from 'react';
import { useLocation } from 'react-router';
import { Box, Text } from '@adminjs/design-system';
import { RecordsTable, useQueryParams, useRecords, useSelectedRecords, useTranslation, type ActionProps } from 'adminjs';
import { formatNumber, langOf } from '../lang.ts';
import { PageLinks } from './PageLinks.tsx';

/** AdminJS adds `refresh=true` to the URL after an action, to reload the list (append-force-refresh.ts). */
const REFRESH_KEY = 'refresh';

const ListAction = ({ resource, setTag }: ActionProps) => {
  const { records, loading, direction, sortBy, page, total, fetchData, perPage } = useRecords(resource.id);
  const { selectedRecords, handleSelect, handleSelectAll, setSelectedRecords } = useSelectedRecords(records);
  const location = useLocation();
  const { storeParams } = useQueryParams();
  const { i18n } = useTranslation();
  const lang = langOf(i18n.language);

  useEffect(() => {
    setTag?.(formatNumber(total, lang));
  }, [total, lang]);

  useEffect(() => {
    setSelectedRecords([]);
  }, [resource.id]);

  useEffect(() => {
    const search = new URLSearchParams(location.search);
    if (search.get(REFRESH_KEY)) {
      setSelectedRecords([]);
    } else {
      const recordIds = search.get('recordIds')?.split?.(',') ?? [];
      setSelectedRecords(records.filter((r) => recordIds.includes(r.id.toString())));
    }
  }, [location.search, records]);

  return (
    // AdminJS's own data-css name (its getActionElementCss is not in the browser's AdminJS global).
    <Box variant="container" data-css={`${resource.id}-list-table-wrapper`}>
      <RecordsTable
        resource={resource}
        records={records}
        actionPerformed={() => fetchData()}
        onSelect={handleSelect}
        onSelectAll={handleSelectAll}
        selectedRecords={selectedRecords}
        direction={direction}
        sortBy={sortBy}
        isLoading={loading}
      />
      <Text mt="xl" textAlign="center">
        <PageLinks page={page} perPage={perPage} total={total} lang={lang} onChange={(p) => storeParams({ page: p.toString() })} />
      </Text>
    </Box>
  );
};

export default ListAction;
