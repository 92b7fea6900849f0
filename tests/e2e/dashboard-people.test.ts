/**
 * The dashboard's people management in real Chromium: sign in, rename a person, merge one human
 * enrolled twice, and read the figures afterwards on People, Results and the action log; every page
 * of it read by axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/chromium.ts';
import { startEndpoint, type TestEndpoint } from '../helpers/endpoint.ts';
import { apiAs, shareEvent } from '../helpers/endpoint-api.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { axeViolations } from '../helpers/window-page.ts';

let browser: Browser;
let endpoint: TestEndpoint;
let page: Page;
const problems: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
const POST = 'https://blog.example.com/ship-small';

beforeAll(async () => {
  const dir = await makeTempDir();
  cleanups.push(dir.remove);
  endpoint = await startEndpoint(dir.path, 0, { publicUrl: 'https://advocate.example.com/' });
  cleanups.push(endpoint.close);
  // The same human on two desktops: both shared the post on LinkedIn, one also on X.
  const desk = apiAs(endpoint.url, await endpoint.enroll('Grace', 'Research'));
  const laptop = apiAs(endpoint.url, await endpoint.enroll('Grace H.', 'Research'));
  await desk.post('v1/events', {
    events: [shareEvent({ postKey: POST }), shareEvent({ postKey: POST, network: 'x' })],
  });
  await laptop.post('v1/events', { events: [shareEvent({ postKey: POST })] });
  await apiAs(endpoint.url, await endpoint.enroll('Linus', 'Sales')).post('v1/events', {
    events: [shareEvent({ postKey: POST })],
  });
  browser = await launchChromium();
  cleanups.push(() => browser.close());
  page = await (await browser.newContext()).newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

const nav = (name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true });
const cellsOf = async (name: string) =>
  (
    await page
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name, exact: true }) })
      .getByRole('cell')
      .allTextContents()
  ).map((cell) => cell.trim());

describe('people on the dashboard, in Chromium', () => {
  it('signs in and lists everyone with their shares and devices, with no axe-core violation', async () => {
    await page.goto(new URL('dashboard/login', endpoint.url).href);
    await page.getByLabel('Admin token').fill(endpoint.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Results', level: 1 }).waitFor();
    await nav('People').click();
    await page.getByRole('heading', { name: 'People', level: 1 }).waitFor();
    expect(await page.getByText('3 people enrolled.').isVisible()).toBe(true);
    // Name, team, devices, shares, clicks.
    expect((await cellsOf('Grace')).slice(0, 5)).toEqual(['Grace', 'Research', '1', '2', '0']);
    expect((await cellsOf('Grace H.')).slice(0, 5)).toEqual(['Grace H.', 'Research', '1', '1', '0']);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('renames a person from their page', async () => {
    await page.getByRole('link', { name: 'Grace', exact: true }).click();
    await page.getByRole('heading', { name: 'Grace', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel(/^Name/).fill('Grace Hopper');
    await page.getByRole('button', { name: 'Rename' }).click();
    await page.getByText('Name saved.').waitFor();
    await page.getByRole('heading', { name: 'Grace Hopper', level: 1 }).waitFor();
  });

  it('merges the duplicate into the renamed person: the post both shared on LinkedIn counts once', async () => {
    await nav('People').click();
    await page.getByLabel('Keep').selectOption({ label: 'Grace Hopper (Research, #1)' });
    await page.getByLabel('Merge into them and remove').selectOption({ label: 'Grace H. (Research, #2)' });
    await page.getByRole('button', { name: 'Merge' }).click();
    await page.getByText('Merged: devices, shares, tracked links and clicks moved').waitFor();
    expect(await page.getByText('2 people enrolled.').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'Grace H.', exact: true }).count()).toBe(0);
    // Grace Hopper: 2 devices, 2 shares (LinkedIn once, X once), not 3.
    expect((await cellsOf('Grace Hopper')).slice(0, 5)).toEqual(['Grace Hopper', 'Research', '2', '2', '0']);
  });

  it('shows the same figures on Results, and the changes on the action log', async () => {
    await nav('Results').click();
    const totals = await page.locator('.totals').textContent();
    expect(totals).toContain('2 people enrolled');
    expect(totals).toContain('3 shares standing');
    const leader = await page
      .getByRole('row')
      .filter({ hasText: 'Grace Hopper' })
      .first()
      .getByRole('cell')
      .allTextContents();
    expect(leader.map((cell) => cell.trim())).toEqual(['1', 'Grace Hopper', 'Research', '2', '0']);
    const post = await page.getByRole('row').filter({ hasText: POST }).getByRole('cell').allTextContents();
    // People who shared the post: Grace Hopper and Linus.
    expect(post[1]?.trim()).toBe('2');

    await nav('Action log').click();
    const rows = await page.locator('tbody tr').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('merge');
    expect(rows[0]).toContain('1 share both had made now counted once');
    expect(rows[1]).toContain('name “Grace” → “Grace Hopper”');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the codes and new enrollments pages with no axe-core violation', async () => {
    await nav('Enrollment codes').click();
    await page.getByRole('heading', { name: 'Enrollment codes', level: 1 }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await nav('New enrollments').click();
    expect(await page.locator('tbody tr').count()).toBe(3);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('ran without page errors or CSP violations', () => {
    expect(problems).toEqual([]);
  });
});
