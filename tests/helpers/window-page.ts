/**
 * The tray window in Chromium, as the e2e tests look at it: its size, colour scheme, problems it logs,
 * axe-core's verdict and whether anything scrolls sideways.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** The app's tray window (main/adapters/tray-window.ts). */
export const WINDOW_SIZE = { width: 380, height: 560 } as const;

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface WindowPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Page errors, console errors (CSP violations among them) and dialogs: each test expects none. */
  readonly problems: string[];
  /** Every top-frame navigation after the first load. */
  readonly navigations: string[];
}

export async function openWindow(
  browser: Browser,
  url: string,
  options: {
    colorScheme?: 'light' | 'dark';
    viewport?: { width: number; height: number };
    firstRun?: boolean;
    /** The page's timers on Playwright's clock (`page.clock`), for the test to pause and run. */
    fakeTimers?: boolean;
  } = {},
): Promise<WindowPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? WINDOW_SIZE,
    colorScheme: options.colorScheme ?? 'light',
    ignoreHTTPSErrors: true,
  });
  // Copy writes to the clipboard; reading it back is the test's own check.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  if (options.firstRun !== true) {
    await context.addInitScript(() => {
      localStorage.setItem('advocate.onboardingSeen', '1');
    });
  }
  const page = await context.newPage();
  const problems: string[] = [];
  const navigations: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A feed's picture on a host this sandbox cannot reach fails to load; that is the network, not the window
    // (a CSP violation reads "Refused to load…" and is kept).
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource: net::'))
      problems.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.type()} ${dialog.message()}`);
    void dialog.dismiss();
  });
  if (options.fakeTimers === true) await page.clock.install();
  await page.goto(url);
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  return { context, page, problems, navigations };
}

/** axe-core's violations on the page as it is now, one line each (rule, impact, the first offending node). */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (an inline <script> would be
  // refused).
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, { resultTypes: ['violations'] });
    return violations.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    );
  });
}

/** How many CSS pixels the page is wider than the window: 0 means no sideways scrolling. */
export const sidewaysOverflow = (page: Page): Promise<number> =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Text on the clipboard, as a paste would get it. */
export const clipboardText = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());
