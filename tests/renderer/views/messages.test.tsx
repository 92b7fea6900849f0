/**
 * The message catalogue (common/messages.ts): every message, with example values, rendered in the
 * window's own components and read by axe-core, and checked for what a person must never read: an HTTP
 * status, an error code, "fetch failed", a sentence said twice. A new message is checked as soon as it
 * is in the catalogue; docs/messages.md must list it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanup, render } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogueExamples, ENROLLMENT_PROBLEMS, SYNC_PROBLEMS, syncStatusText } from '../../../common/messages.ts';
import type { SyncStatus } from '../../../common/sharing.ts';
import { FormError } from '../../../renderer/components/FormError.tsx';
import { SyncNote, syncText } from '../../../renderer/components/SyncNote.tsx';

afterEach(cleanup);

const BANNED: readonly [string, RegExp][] = [
  // A three-digit number that counts nothing: "answered 403", "(503)".
  ['an HTTP status', /\b[1-5]\d\d\b(?!\s+(characters?|shares?|visits?|times|people|colleagues?)\b)/],
  ['an error code', /\bE[A-Z]{3,}\b|errno/],
  ['"fetch failed"', /fetch failed/i],
  ['a programmer word', /\b(undefined|null|NaN|stack|exception)\b|\[object/i],
  ['doubled punctuation', /\.\.|;\.|:\.|\s[.,;]/],
];

const sentences = (text: string): string[] =>
  text
    .split(/(?<=[.!?…])\s+/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);

function problemsIn(text: string): string[] {
  const found = BANNED.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
  const all = sentences(text);
  if (new Set(all).size !== all.length) found.push('a sentence said twice');
  if (!/[.…]$/.test(text.trim())) found.push('no full stop at the end');
  return found;
}

async function axeViolations(container: HTMLElement): Promise<string[]> {
  // jsdom draws nothing, so colour contrast is checked in Chromium by the e2e suite instead.
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((violation) => violation.id);
}

const STATUSES: SyncStatus[] = [
  { state: 'no-endpoint' },
  ...ENROLLMENT_PROBLEMS.map((problem): SyncStatus => ({ state: 'needs-enrollment', problem, pending: 2 })),
  ...SYNC_PROBLEMS.map((problem): SyncStatus => ({
    state: 'waiting',
    problem,
    pending: 1,
    retryAt: null,
    rejected: 2,
  })),
  { state: 'ok', pending: 3, lastSyncAt: null },
  { state: 'ok', pending: 0, lastSyncAt: null },
  { state: 'ok', pending: 0, lastSyncAt: new Date().toISOString() },
  { state: 'ok', pending: 0, lastSyncAt: new Date(Date.now() - 3_600_000).toISOString(), rejected: 1 },
];

describe('the message catalogue', () => {
  it.each(catalogueExamples())(
    '$id: no banned pattern, said once, and accessible as the window shows it',
    async ({ text }) => {
      expect(problemsIn(text)).toEqual([]);
      const { container } = render(
        <main>
          <FormError message={text} />
        </main>,
      );
      expect(container.textContent).toBe(text);
      expect(await axeViolations(container)).toEqual([]);
    },
  );

  it.each(STATUSES.map((status) => ({ state: status.state, status, name: JSON.stringify(status) })))(
    'the sync status $name in the note: no banned pattern, said once, accessible',
    async ({ status }) => {
      const now = new Date();
      const { container } = render(
        <main>
          <SyncNote status={status} now={now} />
        </main>,
      );
      const text = container.textContent;
      expect(text).toBe(syncText(status, now));
      expect(text).toBe(syncStatusText(status, now.getTime(), () => '1 h ago'));
      expect(problemsIn(text)).toEqual([]);
      expect(await axeViolations(container)).toEqual([]);
    },
  );

  it('catches what the catalogue must never say (the checks themselves can fail)', () => {
    expect(problemsIn('Not connected: the endpoint answered 403: this code is not known.')).toContain('an HTTP status');
    expect(
      problemsIn('The endpoint could not be reached (fetch failed: connect ECONNREFUSED 127.0.0.1:8787).'),
    ).toEqual(expect.arrayContaining(['an error code', '"fetch failed"']));
    expect(
      problemsIn(
        'Enter your enrollment code in Settings. Your shares wait on this desktop.. Enter your enrollment code in Settings.',
      ),
    ).toEqual(expect.arrayContaining(['doubled punctuation', 'a sentence said twice']));
  });

  it('is listed in full in docs/messages.md', () => {
    const doc = readFileSync(resolve('docs/messages.md'), 'utf8');
    const missing = catalogueExamples().filter(({ text }) => !doc.includes(text));
    expect(missing.map(({ id }) => id)).toEqual([]);
  });
});
