/** THE name rule (common/names.ts), which the endpoint, its admin CLI and the desktop's settings all apply. */
import { describe, expect, it } from 'vitest';
import { checkName } from '../../common/names.ts';

describe('checkName', () => {
  it('folds every kind of Unicode space to one and trims, so "Ada\\u00a0\\u00a0Lovelace\\u3000" is "Ada Lovelace"', () => {
    expect(checkName('  Ada\u00a0\u00a0Lovelace\u3000')).toEqual({ ok: true, value: 'Ada Lovelace' });
    expect(checkName('Ada\u2003\u202fLovelace\nthe\tfirst')).toEqual({ ok: true, value: 'Ada Lovelace the first' });
  });

  it('removes zero-width characters, so a name that looks like "Ada" is stored as "Ada"', () => {
    for (const hidden of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'])
      expect(checkName(`Ad${hidden}a`), JSON.stringify(hidden)).toEqual({ ok: true, value: 'Ada' });
  });

  it('calls a name of spaces and invisible characters alone empty', () => {
    for (const blank of ['', ' ', '\u00a0', '\u3000', '\u200b\u00a0\ufeff', '\t\n'])
      expect(checkName(blank), JSON.stringify(blank)).toEqual({
        ok: false,
        reason: 'is empty: spaces and invisible characters alone do not make a name',
      });
  });

  it('refuses every bidi control, saying what it does', () => {
    const controls = ['\u061c', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e'];
    for (const control of [...controls, '\u2066', '\u2067', '\u2068', '\u2069']) {
      const checked = checkName(`Ada${control}x`);
      expect(checked.ok, JSON.stringify(control)).toBe(false);
      expect(checked.ok ? '' : checked.reason).toContain('change the direction of text');
    }
  });

  it('refuses control characters and lone surrogates', () => {
    for (const bad of ['Ada\u0000', 'Ada\u0007', 'Ada\u007f', 'Ada\u0085x', 'Ada\ud800'])
      expect(checkName(bad), JSON.stringify(bad)).toEqual({
        ok: false,
        reason: 'must be one line of text, without control characters',
      });
  });

  it('counts the length after cleaning: 80 characters fit, 81 do not', () => {
    expect(checkName(` ${'a'.repeat(80)}\u200b `)).toEqual({ ok: true, value: 'a'.repeat(80) });
    expect(checkName('a'.repeat(81))).toEqual({ ok: false, reason: 'must be at most 80 characters' });
  });

  it('keeps the scripts and emoji people write their names in; a joined emoji comes apart, its joiner being zero-width', () => {
    for (const name of ['Zoë Ångström', '王小明', 'محمد', 'שרה', 'Ana 🚀'])
      expect(checkName(name)).toEqual({ ok: true, value: name });
    expect(checkName('Ana 👩🏽\u200d💻')).toEqual({ ok: true, value: 'Ana 👩🏽💻' });
  });
});
