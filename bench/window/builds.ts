/**
 * Builds the window (our vite.config.ts, client environment only) and the anchor app with the same Vite
 * and React plugin, each into a fresh folder, and measures the JavaScript a page loads before it can run:
 * the entry module and what index.html preloads, each gzipped as a server would send it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build, createBuilder } from 'vite';

const root = join(import.meta.dirname, '../..');

export async function buildWindow(outDir: string): Promise<void> {
  const builder = await createBuilder({
    configFile: join(root, 'vite.config.ts'),
    logLevel: 'warn',
    environments: { client: { build: { outDir } } },
  });
  const client = builder.environments['client'];
  if (!client) throw new Error('vite.config.ts has no client environment');
  await builder.build(client);
}

export async function buildAnchor(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: join(import.meta.dirname, 'anchor'),
    base: './',
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false },
  });
}

export interface InitialJs {
  readonly files: readonly string[];
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** The scripts index.html starts with: its module entry and every modulepreload. */
export async function initialJs(outDir: string): Promise<InitialJs> {
  const html = await readFile(join(outDir, 'index.html'), 'utf8');
  const files = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((match) => match[1] ?? match[2] ?? '');
  let bytes = 0;
  let gzipBytes = 0;
  for (const file of files) {
    const body = await readFile(join(outDir, file));
    bytes += body.length;
    gzipBytes += gzipSync(body, { level: 9 }).length;
  }
  return { files, bytes, gzipBytes };
}
