/** The guide: why it matters with real numbers, two clicks, a tip per network, the training link. */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { GuideView } from '../../../renderer/views/GuideView.tsx';
import { EMPTY_RESULTS, fakeApi, summary } from '../fake-api.ts';
import { renderWith } from '../render.tsx';

afterEach(cleanup);

describe('GuideView', () => {
  it("gives the team's real numbers, the two clicks and one tip per enabled network", () => {
    renderWith(
      fakeApi([]),
      <GuideView
        results={{ ...EMPTY_RESULTS, summary: summary() }}
        networks={['linkedin', 'mastodon']}
        trainingUrl={null}
        focusTitle={false}
      />,
    );
    expect(screen.getByRole('region', { name: 'Why your shares matter' }).textContent).toContain(
      'In the last two months your team shared posts 30 times, and everyone at your organisation 160 times. 7 of those shares were yours.',
    );
    expect(screen.getByRole('region', { name: 'Sharing in two clicks' }).querySelectorAll('li')).toHaveLength(3);
    const tips = screen.getByRole('region', { name: 'One tip per network' });
    expect([...tips.querySelectorAll('dt')].map((term) => term.textContent)).toEqual(['LinkedIn', 'Mastodon']);
    expect(screen.queryByRole('button', { name: /training/ })).toBeNull();
  });

  it("opens the company's training link from policy through main", async () => {
    const api = fakeApi([]);
    renderWith(
      api,
      <GuideView
        results={null}
        networks={[]}
        trainingUrl="https://intranet.example.com/social-training"
        focusTitle={false}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Your company’s social media training' }));
    await waitFor(() => {
      expect(api.opened).toEqual(['https://intranet.example.com/social-training']);
    });
  });
});
