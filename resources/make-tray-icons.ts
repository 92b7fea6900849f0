/**
 * Draws the tray icons into resources/tray/ with no image tools and no network: a speech bubble (and an
 * unread dot), rasterised with 4×4 supersampling, written as PNG and as ICO (32-bit DIB entries, which
 * every Windows version reads). Run after changing the drawing: `npx tsx resources/make-tray-icons.ts`.
 * tests/main/tray-icons.test.ts checks the committed files are exactly what this draws.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
/** Paint at a point of the unit square, or null for transparent. */
type Painter = (x: number, y: number) => Rgba | null;

const BLACK: Rgba = [0, 0, 0, 255];
const BRAND: Rgba = [37, 99, 235, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const ALERT: Rgba = [234, 88, 12, 255];

function inRoundedRect(
  x: number,
  y: number,
  left: number,
  top: number,
  right: number,
  bottom: number,
  radius: number,
): boolean {
  const cx = Math.max(left + radius, Math.min(x, right - radius));
  const cy = Math.max(top + radius, Math.min(y, bottom - radius));
  return x >= left && x <= right && y >= top && y <= bottom && (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

function inTail(x: number, y: number): boolean {
  // The triangle (0.24, 0.66) (0.46, 0.66) (0.2, 0.9): below the bubble, pointing down-left.
  if (y < 0.66 || y > 0.9) return false;
  const t = (y - 0.66) / 0.24;
  return x >= 0.24 - 0.04 * t && x <= 0.46 - 0.26 * t;
}

const inBubble = (x: number, y: number): boolean => inRoundedRect(x, y, 0.06, 0.14, 0.94, 0.7, 0.16) || inTail(x, y);
const inLines = (x: number, y: number): boolean =>
  inRoundedRect(x, y, 0.24, 0.31, 0.76, 0.4, 0.045) || inRoundedRect(x, y, 0.24, 0.46, 0.6, 0.55, 0.045);
const near = (x: number, y: number, cx: number, cy: number, r: number): boolean =>
  (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

function bubble(ink: Rgba, lines: Rgba | null, dot: Rgba | null): Painter {
  return (x, y) => {
    if (dot && near(x, y, 0.8, 0.2, 0.19)) return dot;
    // A transparent ring keeps the dot readable against the bubble.
    if (dot && near(x, y, 0.8, 0.2, 0.27)) return null;
    if (!inBubble(x, y)) return null;
    return inLines(x, y) ? lines : ink;
  };
}

/** RGBA pixels, rows top to bottom, averaged over 4×4 samples per pixel. */
function rasterise(paint: Painter, size: number): Uint8Array {
  const pixels = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const colour = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          const alpha = colour[3] / 255;
          for (let channel = 0; channel < 3; channel += 1)
            sum[channel] = (sum[channel] ?? 0) + (colour[channel] ?? 0) * alpha;
          sum[3] = (sum[3] ?? 0) + colour[3];
        }
      }
      const count = samples * samples;
      const alphaSum = (sum[3] ?? 0) / 255;
      const offset = (py * size + px) * 4;
      for (let channel = 0; channel < 3; channel += 1)
        pixels[offset + channel] = alphaSum > 0 ? Math.round((sum[channel] ?? 0) / alphaSum) : 0;
      pixels[offset + 3] = Math.round((sum[3] ?? 0) / count);
    }
  }
  return pixels;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(pixels: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row += 1)
    rows.set(pixels.subarray(row * size * 4, (row + 1) * size * 4), row * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(rows, { level: 9 })),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** One ICO image as a 32-bit BGRA DIB, bottom-up, with the AND mask ICO readers expect after it. */
function dibEntry(pixels: Uint8Array, size: number): Buffer {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const colour = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      const from = (row * size + col) * 4;
      const to = ((size - 1 - row) * size + col) * 4;
      colour.set([pixels[from + 2] ?? 0, pixels[from + 1] ?? 0, pixels[from] ?? 0, pixels[from + 3] ?? 0], to);
    }
  }
  const maskRowBytes = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, colour, Buffer.alloc(maskRowBytes * size)]);
}

export function encodeIco(images: readonly { size: number; pixels: Uint8Array }[]): Buffer {
  const directory = Buffer.alloc(6 + 16 * images.length);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(images.length, 4);
  const entries = images.map(({ size, pixels }) => dibEntry(pixels, size));
  let offset = directory.length;
  images.forEach(({ size }, index) => {
    const at = 6 + 16 * index;
    const bytes = entries[index]?.length ?? 0;
    directory.writeUInt8(size % 256, at);
    directory.writeUInt8(size % 256, at + 1);
    directory.writeUInt16LE(1, at + 4);
    directory.writeUInt16LE(32, at + 6);
    directory.writeUInt32LE(bytes, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += bytes;
  });
  return Buffer.concat([directory, ...entries]);
}

const ICO_SIZES = [16, 20, 24, 32, 40, 48, 64];

/** Every file of resources/tray/, by name. */
export function renderTrayIcons(): Map<string, Buffer> {
  const png = (paint: Painter, size: number): Buffer => encodePng(rasterise(paint, size), size);
  const ico = (paint: Painter): Buffer =>
    encodeIco(ICO_SIZES.map((size) => ({ size, pixels: rasterise(paint, size) })));
  // macOS template images: black and alpha only, so the menu bar can tint them for light and dark.
  const template = bubble(BLACK, null, null);
  const normal = bubble(BRAND, WHITE, null);
  const unread = bubble(BRAND, WHITE, ALERT);
  return new Map([
    ['trayTemplate.png', png(template, 16)],
    ['trayTemplate@2x.png', png(template, 32)],
    ['tray.png', png(normal, 32)],
    ['tray-unread.png', png(unread, 32)],
    ['tray.ico', ico(normal)],
    ['tray-unread.ico', ico(unread)],
  ]);
}

export const TRAY_ICON_DIR = fileURLToPath(new URL('tray/', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [name, bytes] of renderTrayIcons()) await writeFile(join(TRAY_ICON_DIR, name), bytes);
  console.log(`wrote ${String(renderTrayIcons().size)} icons to ${TRAY_ICON_DIR}`);
}
