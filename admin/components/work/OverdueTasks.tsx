/**
 * TrusteeTask → overdueTasks: the login's overdue tasks, oldest first, each linking to its
 * page (where the chair or staff reword it or move its day). The rows come from core's
 * listOverdueTasks through the action's GET, already in the login's language.
 */
import React, { useEffect, useMemo, useState } from 'react';
import { Box, FormMessage, Link, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, ViewHelpers, useTranslation, type ActionProps, type ActionResponse } from 'adminjs';
import type { OverdueTaskRow as Row } from '../../dashboard/overdue-tasks-data.ts';

const OverdueTasks = (props: ActionProps) => {
  const { action, resource } = props;
  const { tc } = useTranslation();
  const api = useMemo(() => new ApiClient(), []);
  const h = useMemo(() => new ViewHelpers(), []);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [countText, setCountText] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .resourceAction({ resourceId: resource.id, actionName: action.name })
      .then((res) => {
        const body = res.data as ActionResponse;
        if (body.notice?.type === 'error') setError(body.notice.message);
        const data = (body.data ?? {}) as { tasks?: Row[]; countText?: string };
        setRows(data.tasks ?? []);
        setCountText(data.countText ?? '');
      })
      .catch(() => setError(tc('OverdueTasks.failed')));
  }, [api, resource.id, action.name]);

  if (error) return <Box variant="container"><FormMessage>{error}</FormMessage></Box>;
  if (!rows) return <Box variant="container"><Text>{tc('OverdueTasks.loading')}</Text></Box>;
  if (rows.length === 0) return <Box variant="container" data-testid="overdue-tasks-none"><Text>{tc('OverdueTasks.none')}</Text></Box>;
  return (
    <Box variant="container" data-testid="overdue-tasks">
      <Text mb="lg">{tc('OverdueTasks.count', { n: countText })}</Text>
      <Table>
        <TableHead>
          <TableRow>
            <TableCell>{tc('OverdueTasks.title')}</TableCell>
            <TableCell>{tc('OverdueTasks.center')}</TableCell>
            <TableCell>{tc('OverdueTasks.role')}</TableCell>
            <TableCell>{tc('OverdueTasks.due')}</TableCell>
            <TableCell>{tc('OverdueTasks.daysLate')}</TableCell>
            <TableCell>{tc('OverdueTasks.state')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id}>
              <TableCell><Link href={h.recordActionUrl({ resourceId: 'TrusteeTask', recordId: r.id, actionName: 'show' })}>{r.title}</Link></TableCell>
              <TableCell style={{ wordBreak: 'keep-all' }}>{r.centerName}</TableCell>
              <TableCell>{r.role ?? ''}</TableCell>
              <TableCell>{r.due}</TableCell>
              <TableCell>{r.daysLate}</TableCell>
              <TableCell>{r.state}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

export default OverdueTasks;
