// Types for AdminJS's `adminjs/bundler` entry point, which ships without declarations next to it.
declare module 'adminjs/bundler' {
  interface ComponentsBundler {
    setInputOption(key: 'input', value: string): ComponentsBundler;
    setOutputOption(key: 'file', value: string): ComponentsBundler;
    build(): Promise<void>;
  }
  export const componentsBundler: ComponentsBundler;
}
