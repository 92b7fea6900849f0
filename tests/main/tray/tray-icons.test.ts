/**
 * The tray icons in resources/tray/: exactly what resources/make-tray-icons.ts draws, in the sizes each platform needs.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { renderTrayIcons, TRAY_ICON_DIR } from '../../../resources/make-tray-icons.ts';

function pngInfo(bytes: Buffer): { width: number; height: number; pixels: Buffer } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < bytes.length;) {
    const length = bytes.readUInt32BE(offset);
    if (bytes.toString('latin1', offset + 4, offset + 8) === 'IDAT')
      chunks.push(bytes.subarray(offset + 8, offset + 8 + length));
    offset += 12 + length;
  }
  return { width, height, pixels: inflateSync(Buffer.concat(chunks)) };
}

describe('tray icons', () => {
  it('are committed exactly as the generator draws them, and nothing else is in the folder', async () => {
    const drawn = renderTrayIcons();
    expect((await readdir(TRAY_ICON_DIR)).sort()).toEqual([...drawn.keys()].sort());
    for (const [name, bytes] of drawn)
      expect((await readFile(join(TRAY_ICON_DIR, name))).equals(bytes), name).toBe(true);
  });

  it('give macOS 16 px template images with a 32 px @2x, black with alpha only', () => {
    const drawn = renderTrayIcons();
    for (const [name, size] of [
      ['trayTemplate.png', 16],
      ['trayTemplate@2x.png', 32],
    ] as const) {
      const { width, height, pixels } = pngInfo(drawn.get(name) ?? Buffer.alloc(0));
      expect([width, height]).toEqual([size, size]);
      const rowBytes = size * 4 + 1;
      for (let row = 0; row < size; row += 1) {
        for (let col = 0; col < size; col += 1) {
          const at = row * rowBytes + 1 + col * 4;
          expect([pixels[at], pixels[at + 1], pixels[at + 2]]).toEqual([0, 0, 0]);
        }
      }
    }
  });

  it('give Linux 32 px PNGs and Windows .ico files holding 16 to 64 px images, each with an unread variant that differs', () => {
    const drawn = renderTrayIcons();
    expect(pngInfo(drawn.get('tray.png') ?? Buffer.alloc(0)).width).toBe(32);
    expect(drawn.get('tray.png')?.equals(drawn.get('tray-unread.png') ?? Buffer.alloc(0))).toBe(false);
    for (const name of ['tray.ico', 'tray-unread.ico']) {
      const ico = drawn.get(name) ?? Buffer.alloc(0);
      expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
      const count = ico.readUInt16LE(4);
      const sizes = Array.from({ length: count }, (_, index) => ico.readUInt8(6 + 16 * index));
      expect(sizes).toEqual([16, 20, 24, 32, 40, 48, 64]);
      const last = 6 + 16 * (count - 1);
      expect(ico.readUInt32LE(last + 12) + ico.readUInt32LE(last + 8)).toBe(ico.length);
    }
  });
});
