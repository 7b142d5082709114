// Types for AdminJS's `adminjs/bundler` entry point, which ships without declarations next to it.
declare module 'adminjs/bundler' {
  import type AdminJS from 'adminjs';

  interface ComponentsBundler {
    setInputOption(key: 'input', value: string): ComponentsBundler;
    setOutputOption(key: 'file', value: string): ComponentsBundler;
    build(): Promise<void>;
  }
  export const componentsBundler: ComponentsBundler;
  export function generateUserComponentEntry(admin: AdminJS, entryPath: string): string;
  export const ADMIN_JS_TMP_DIR: string;
}
