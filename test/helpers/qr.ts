/**
 * Reads back a QR code the poster drew as SVG (`qrcode`'s output: one path of horizontal
 * runs, `M x y.5 h n m dx dy h n …`): the runs become a module grid, the grid a black-on-white
 * bitmap, and jsQR (an independent decoder) reads the text from it.
 */
// A CommonJS package: the import is its module object, whose `default` is the decoder.
import jsqr from 'jsqr';

export function qrModules(svg: string): boolean[][] {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const d = /<path stroke="[^"]+" d="([^"]+)"/.exec(svg)?.[1];
  if (!size || !d) throw new Error('not a qrcode SVG');
  const grid = Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
  let x = 0;
  let y = 0;
  for (const [, cmd, a, b] of d.matchAll(/([MmHh])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?/g)) {
    const n = Number(a);
    if (cmd === 'M') [x, y] = [n, Number(b)];
    else if (cmd === 'm') [x, y] = [x + n, y + Number(b)];
    else if (cmd === 'h') {
      for (let i = 0; i < n; i++) grid[Math.floor(y)]![x + i] = true;
      x += n;
    }
  }
  return grid;
}

/** The text a QR code SVG encodes, or null when jsQR finds none. */
export function decodeQrSvg(svg: string): string | null {
  const modules = qrModules(svg);
  const scale = 6;
  const quiet = 4;
  const side = (modules.length + 2 * quiet) * scale;
  const rgba = new Uint8ClampedArray(side * side * 4).fill(255);
  modules.forEach((row, my) =>
    row.forEach((dark, mx) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++) {
          const i = (((my + quiet) * scale + dy) * side + (mx + quiet) * scale + dx) * 4;
          rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
        }
    }),
  );
  return jsqr.default(rgba, side, side)?.data ?? null;
}
