/** Each setting's rule: what passes (normalised), and what is refused with which words. */
import { describe, expect, it } from 'vitest';
import { checkSetting, fromPolicyValue } from '../../../main/settings/setting-rules.ts';

describe('setting rules', () => {
  it('accepts http(s) addresses, normalised, and an empty or null one as "none"', () => {
    expect(checkSetting('endpointUrl', ' https://advocate.example.com ')).toEqual({
      ok: true,
      value: 'https://advocate.example.com/',
    });
    expect(checkSetting('endpointUrl', '')).toEqual({ ok: true, value: null });
    expect(checkSetting('trainingUrl', null)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['another scheme', 'ftp://example.com/', '"ftp://example.com/" must start with http:// or https://'],
    ['javascript:', 'javascript:alert(1)', '"javascript:alert(1)" must start with http:// or https://'],
    ['no address at all', 'advocate.example.com', '"advocate.example.com" is not a web address'],
    ['a number', 42, 'must be a web address'],
  ])('refuses %s as an address, saying why', (_case, value, reason) => {
    expect(checkSetting('endpointUrl', value)).toEqual({ ok: false, reason });
  });

  it('keeps feed lists as unique normalised addresses and names the entry that is wrong', () => {
    expect(
      checkSetting('userFeedUrls', ['https://a.example/feed', 'https://a.example/feed', 'http://b.example']),
    ).toEqual({
      ok: true,
      value: ['https://a.example/feed', 'http://b.example/'],
    });
    expect(checkSetting('feedUrls', ['https://a.example/feed', 'file:///etc/passwd'])).toEqual({
      ok: false,
      reason: 'entry 2: "file:///etc/passwd" must start with http:// or https://',
    });
    expect(checkSetting('feedUrls', 'https://a.example/feed')).toEqual({ ok: false, reason: 'must be a list' });
    expect(
      checkSetting(
        'feedUrls',
        Array.from({ length: 51 }, (_, index) => `https://a.example/${String(index)}`),
      ),
    ).toEqual({
      ok: false,
      reason: 'may hold at most 50 entries',
    });
  });

  it('bounds numbers: the poll interval keeps its 5-minute floor, the cap may be 0', () => {
    expect(checkSetting('pollIntervalMinutes', 5)).toEqual({ ok: true, value: 5 });
    expect(checkSetting('pollIntervalMinutes', 4)).toEqual({
      ok: false,
      reason: 'must be a whole number from 5 to 1440',
    });
    expect(checkSetting('pollIntervalMinutes', 7.5)).toMatchObject({ ok: false });
    expect(checkSetting('dailyNotificationCap', 0)).toEqual({ ok: true, value: 0 });
    expect(checkSetting('dailyNotificationCap', '3')).toMatchObject({ ok: false });
  });

  it('checks quiet hours: two different HH:MM times, nothing else', () => {
    expect(checkSetting('quietHours', { start: '22:00', end: '07:00' })).toEqual({
      ok: true,
      value: { start: '22:00', end: '07:00' },
    });
    expect(checkSetting('quietHours', null)).toEqual({ ok: true, value: null });
    expect(checkSetting('quietHours', { start: '24:00', end: '07:00' })).toEqual({
      ok: false,
      reason: 'start must be a time from 00:00 to 23:59',
    });
    expect(checkSetting('quietHours', { start: '08:00', end: '08:00' })).toEqual({
      ok: false,
      reason: 'start and end must differ',
    });
    expect(checkSetting('quietHours', { start: '22:00', end: '07:00', days: 'all' })).toEqual({
      ok: false,
      reason: 'has unknown fields: days',
    });
    expect(checkSetting('quietHours', '22:00-07:00')).toMatchObject({ ok: false });
  });

  it('knows the networks, and never quotes an enrollment code in a reason', () => {
    expect(checkSetting('enabledNetworks', ['x', 'linkedin', 'x'])).toEqual({ ok: true, value: ['x', 'linkedin'] });
    expect(checkSetting('enabledNetworks', ['myspace'])).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"myspace" is not one of') as unknown,
    });
    const refused = checkSetting('enrollmentCode', 'two words secret');
    expect(refused).toEqual({ ok: false, reason: 'must be one word of at most 256 characters' });
    expect(checkSetting('enrollmentCode', ' ABC-123 ')).toEqual({ ok: true, value: 'ABC-123' });
  });

  it('bounds the disclosure text', () => {
    expect(checkSetting('disclosureText', ' I work at Example. ')).toEqual({ ok: true, value: 'I work at Example.' });
    expect(checkSetting('disclosureText', 'x'.repeat(501))).toEqual({
      ok: false,
      reason: 'must be text of at most 500 characters',
    });
  });
});

describe('reading policy values (registry, macOS strings, MSI properties)', () => {
  it('splits one string into a list at commas, semicolons, spaces and new lines, including inside REG_MULTI_SZ entries', () => {
    expect(
      fromPolicyValue(
        'urlList',
        'https://a.example/feed, https://b.example/feed;https://c.example/feed\nhttps://d.example/feed',
      ),
    ).toEqual(['https://a.example/feed', 'https://b.example/feed', 'https://c.example/feed', 'https://d.example/feed']);
    expect(fromPolicyValue('networks', ['linkedin,x', 'email'])).toEqual(['linkedin', 'x', 'email']);
  });

  it('reads booleans and numbers as the registry and macOS write them', () => {
    expect(fromPolicyValue('boolean', 1)).toBe(true);
    expect(fromPolicyValue('boolean', 0)).toBe(false);
    expect(fromPolicyValue('boolean', ' Yes ')).toBe(true);
    expect(fromPolicyValue('boolean', 'off')).toBe(false);
    expect(fromPolicyValue('boolean', 'maybe')).toBe('maybe');
    expect(fromPolicyValue('integer', '30')).toBe(30);
    expect(fromPolicyValue('integer', '0x1e')).toBe(30);
    expect(fromPolicyValue('integer', 'thirty')).toBe('thirty');
  });

  it('reads quiet hours as "HH:MM-HH:MM" or "off"', () => {
    expect(fromPolicyValue('quietHours', '22:00 - 7:00')).toEqual({ start: '22:00', end: '07:00' });
    expect(fromPolicyValue('quietHours', 'off')).toBeNull();
    expect(fromPolicyValue('quietHours', 'evenings')).toBe('evenings');
  });
});

describe('the block list policy', () => {
  it('reads "block: term" and "warn: term" entries, a bare term as blocked, phrases with their spaces', () => {
    const raw = fromPolicyValue('blockList', ['block: guaranteed returns', 'WARN:insider', 'sure thing']);
    expect(checkSetting('blockList', raw)).toEqual({
      ok: true,
      value: [
        { term: 'guaranteed returns', level: 'block' },
        { term: 'insider', level: 'warn' },
        { term: 'sure thing', level: 'block' },
      ],
    });
  });

  it('splits one REG_SZ or MSI string at new lines and semicolons, never at the spaces of a phrase', () => {
    expect(fromPolicyValue('blockList', 'block: sure thing;warn: insider\r\n\nblock: tip off')).toEqual([
      'block: sure thing',
      'warn: insider',
      'block: tip off',
    ]);
  });

  it('keeps a term listed twice once, blocked when either entry blocks it', () => {
    expect(checkSetting('blockList', ['warn: Insider', 'block: ＩＮＳＩＤＥＲ'])).toEqual({
      ok: true,
      value: [{ term: 'Insider', level: 'block' }],
    });
  });

  it.each([
    ['an empty term', ['block: '], 'entry 1: the term is empty'],
    ['a term of one character', ['warn: insider', 'block: a'], /^entry 2: the term “a” is one character/],
    ['a term of only spaces', ['   '], 'entry 1: the term is only spaces'],
    ['an entry that is not text', [42], 'entry 1: must be text like "block: term" or "warn: term"'],
  ])('refuses a list with %s, naming the entry and why', (_case, value, reason) => {
    const checked = checkSetting('blockList', value);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(reason);
  });
});
