/**
 * Chromium driven by playwright-core (Playwright's own browser download cannot run here): CHROMIUM_PATH
 * when set, else the system's (Debian's /usr/bin/chromium), else the binary that the npm package
 * @sparticuz/chromium carries, so `npm ci && npm test` needs nothing else on a fresh Linux x64 machine.
 */
import { existsSync } from 'node:fs';
import Chromium from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** The browser to launch; `system` is where the OS package puts it (a parameter for the fallback's test). */
export async function chromiumPath(system = SYSTEM_CHROMIUM): Promise<string> {
  const configured = process.env['CHROMIUM_PATH'];
  if (configured !== undefined && configured !== '') {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH is ${configured}, and there is no file there`);
    return configured;
  }
  if (existsSync(system)) return system;
  // Unpacks once into the temp folder (about 170 MB); later calls reuse it.
  return Chromium.executablePath();
}

export async function launchChromium(executablePath?: string): Promise<Browser> {
  return chromium.launch({
    executablePath: executablePath ?? (await chromiumPath()),
    headless: true,
    // Without the networking flags Chromium keeps dialing Google's services, which this sandbox refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}
