/** Nothing secret and no one's words reach a log or a report. */
import { describe, expect, it } from 'vitest';
import { redact, redactText, REDACTED } from '../../../main/diagnostics/redact.ts';

describe('redaction', () => {
  it('replaces values under secret-sounding and text keys, at any depth', () => {
    expect(
      redact({
        url: 'https://blog.example.com/feed',
        token: 'tok_123',
        enrollmentCode: 'ENROL-1',
        nested: { Authorization: 'Bearer abc', message: 'I loved this post', keys: ['pollIntervalMinutes'] },
        count: 3,
      }),
    ).toEqual({
      url: 'https://blog.example.com/feed',
      token: REDACTED,
      enrollmentCode: REDACTED,
      nested: { Authorization: REDACTED, message: REDACTED, keys: ['pollIntervalMinutes'] },
      count: 3,
    });
  });

  it('scrubs bearer tokens, passwords in addresses and secret query parameters out of any string', () => {
    expect(
      redactText(
        'sent Authorization: Bearer eyJhbGciOi.x.y to https://user:pa55@feeds.example.com/private.xml?token=abc&page=2&api_key=k',
      ),
    ).toBe(
      `sent Authorization: Bearer ${REDACTED} to https://${REDACTED}@feeds.example.com/private.xml?token=${REDACTED}&page=2&api_key=${REDACTED}`,
    );
  });

  it('keeps errors as their scrubbed message and stops at a sane depth', () => {
    expect(redact(new Error('fetch https://a.example/?sig=123 failed'))).toBe(
      `fetch https://a.example/?sig=${REDACTED} failed`,
    );
    const deep = { a: { b: { c: { d: { e: { f: 1 } } } } } };
    expect(JSON.stringify(redact(deep))).toContain('[nested]');
  });
});
