/**
 * The look-alike donors (Donor → duplicateDonors, or one donor's → donorLookAlikes): each
 * pair with what the two share, links to both donors, and for those who may merge the merge
 * form of the newer one with the older one already chosen as the donor kept. The pairs come from core's findDuplicateDonors through the action's GET.
 */
import React, { useEffect, useMemo, useState } from 'react';
import { Box, Button, FormMessage, Link, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { ApiClient, ViewHelpers, useTranslation, type ActionProps, type ActionResponse } from 'adminjs';

interface Pair {
  reason: string;
  keep: { id: string; name: string };
  duplicate: { id: string; name: string };
}

const DuplicateDonors = (props: ActionProps) => {
  const { action, resource, record } = props;
  const { tc } = useTranslation();
  const api = useMemo(() => new ApiClient(), []);
  const h = useMemo(() => new ViewHelpers(), []);
  const [pairs, setPairs] = useState<Pair[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mayMerge, setMayMerge] = useState(false);
  const recordId = record?.id;

  useEffect(() => {
    const where = { resourceId: resource.id, actionName: action.name };
    // The area's look-alikes (a resource action), or one donor's (on the donor's page).
    (recordId ? api.recordAction({ ...where, recordId }) : api.resourceAction(where))
      .then((res) => {
        const body = res.data as ActionResponse;
        if (body.notice?.type === 'error') setError(body.notice.message);
        const data = (body.data ?? {}) as { pairs?: Pair[]; mayMerge?: boolean };
        setPairs(data.pairs ?? []);
        setMayMerge(!!data.mayMerge);
      })
      .catch(() => setError(tc('DuplicateDonors.failed')));
  }, [api, resource.id, action.name, recordId]);

  const show = (id: string) => h.recordActionUrl({ resourceId: 'Donor', recordId: id, actionName: 'show' });
  const merge = (p: Pair) => `${h.recordActionUrl({ resourceId: 'Donor', recordId: p.duplicate.id, actionName: 'mergeDonors' })}?keepDonorId=${encodeURIComponent(p.keep.id)}`;

  if (error) return <Box variant="container"><FormMessage>{error}</FormMessage></Box>;
  if (!pairs) return <Box variant="container"><Text>{tc('DuplicateDonors.loading')}</Text></Box>;
  if (pairs.length === 0) return <Box variant="container" data-testid="duplicate-donors-none"><Text>{tc('DuplicateDonors.none')}</Text></Box>;
  return (
    <Box variant="container" data-testid="duplicate-donors">
      <Text mb="lg">{tc('DuplicateDonors.hint')}</Text>
      <Table>
        <TableHead>
          <TableRow>
            <TableCell>{tc('DuplicateDonors.reason')}</TableCell>
            <TableCell>{tc('DuplicateDonors.keep')}</TableCell>
            <TableCell>{tc('DuplicateDonors.duplicate')}</TableCell>
            <TableCell />
          </TableRow>
        </TableHead>
        <TableBody>
          {pairs.map((p) => (
            <TableRow key={`${p.keep.id}:${p.duplicate.id}`}>
              <TableCell>{p.reason}</TableCell>
              <TableCell><Link href={show(p.keep.id)}>{p.keep.name}</Link></TableCell>
              <TableCell><Link href={show(p.duplicate.id)}>{p.duplicate.name}</Link></TableCell>
              <TableCell>
                {mayMerge ? <Button as="a" href={merge(p)} size="sm" variant="outlined">{tc('DuplicateDonors.merge')}</Button> : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
};

export default DuplicateDonors;
