/**
 * The playground's settings (config.ts reads them with the rest). PLAYGROUND=1/0
 * turns it on or off; unset, it is on only with the embedded database (the
 * two-command demo). A staff login of the panel is required unless the
 * database is embedded and NODE_ENV is not production.
 */
import { flag } from '../core/input/schemas.ts';

export const playgroundEnvShape = {
  /** The browser playground at /playground: 1 on, 0 off; default on only with the embedded database. */
  PLAYGROUND: flag.optional(),
};

export interface PlaygroundSettings {
  enabled: boolean;
  /** A panel staff session is needed for every /playground URL. */
  loginRequired: boolean;
}

export function playgroundSettingsFrom(e: { PLAYGROUND?: boolean | undefined; NODE_ENV: string; DATABASE_URL?: string | undefined }): PlaygroundSettings {
  const embedded = !e.DATABASE_URL;
  return {
    enabled: e.PLAYGROUND ?? embedded,
    loginRequired: !embedded || e.NODE_ENV === 'production',
  };
}
