/** The sentence about what the person's links brought: exact counts, words people use, nothing for none. */
import { describe, expect, it } from 'vitest';
import { conversionsText } from '../../../renderer/results/conversions-text.ts';

describe('conversionsText', () => {
  it('says each kind with its count, the usual kinds in plain words', () => {
    expect(conversionsText([{ kind: 'signup', count: 3 }])).toBe('Your shares brought 3 sign-ups.');
    expect(
      conversionsText([
        { kind: 'signup', count: 1 },
        { kind: 'demo', count: 2 },
        { kind: 'webinar_seat', count: 1 },
      ]),
    ).toBe('Your shares brought 1 sign-up, 2 demo requests and 1 webinar seat conversion.');
  });

  it('says nothing when nothing came, or the endpoint counts none', () => {
    expect(conversionsText([])).toBeNull();
    expect(conversionsText(undefined)).toBeNull();
    expect(conversionsText([{ kind: 'lead', count: 0 }])).toBeNull();
  });
});
