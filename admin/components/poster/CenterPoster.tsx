/**
 * The "poster" action's page on a licensed center: the printable A4 poster the server renders
 * (admin/poster), shown in a frame, with a button that prints just that frame and a link that
 * opens it alone (where the browser's own print dialog serves as well).
 */
import React, { useRef } from 'react';
import { Box, Button, Link } from '@adminjs/design-system';
import { useTranslation, type ActionProps } from 'adminjs';
import { centerPosterUrl } from './poster-url.ts';

const CenterPoster = (props: ActionProps) => {
  const { record } = props;
  const { translateMessage } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  if (!record) return null;
  const m = (key: string) => translateMessage(key, 'Center');
  const url = centerPosterUrl(String(record.id));

  return (
    <Box variant="container" data-testid="center-poster">
      <Box flex flexDirection="row" mb="lg" style={{ gap: 16, alignItems: 'center' }}>
        <Button type="button" variant="contained" onClick={() => frame.current?.contentWindow?.print()} data-testid="poster-print">
          {m('posterPrint')}
        </Button>
        <Link href={url} target="_blank" rel="noopener" data-testid="poster-open">
          {m('posterOpen')}
        </Link>
      </Box>
      <iframe ref={frame} src={url} title={m('posterFrame')} style={{ width: '100%', height: '80vh', border: '1px solid #e0e0e6' }} />
    </Box>
  );
};

export default CenterPoster;
