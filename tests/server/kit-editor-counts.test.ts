/**
 * The kit editor counts each network's message as the window will share it, by the one hashtag rule
 * (common/share/kit.ts): a message marketing wrote is shared as written, with no hashtags added; a
 * network left blank gets the pitch and the hashtags. Every counter on the page must equal the length
 * of what the desktop makes of the saved kit (main/sync/endpoint-kit.ts), link included.
 */
import { describe, expect, it } from 'vitest';
import { NETWORKS } from '../../common/domain.ts';
import { withLink } from '../../common/share/intents.ts';
import { measureMessage } from '../../common/share/length.ts';
import { kitWithEndpoint } from '../../main/sync/endpoint-kit.ts';
import { kitFromForm } from '../../server/dashboard/forms.ts';
import { kitsPage, type KitForm } from '../../server/dashboard/pages/kits.ts';

const LINK = 'https://advocate.example.com/r/AbCdEfGhIj';
const form: KitForm = {
  postKey: 'https://blog.example.com/ship-small',
  pitch: 'We cut our release time in half.',
  hashtags: '#devops shipping',
  imageUrl: '',
  messages: { x: 'Half the release time, same team.', mastodon: 'Release time halved. #devops' },
};

/** Each network's counter as the page prints it: its label, then "N / L" or "N". */
function counters(page: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of page.matchAll(/>([\w ]+) message <span class="hint[^"]*"\s*>([^<]*)<\/span/g))
    found[match[1] ?? ''] = (match[2] ?? '').replace(/\s+/g, ' ').trim();
  return found;
}

describe('the kit editor’s counters', () => {
  it('count each message as the window shares it: written ones as written, blank ones as pitch and hashtags', () => {
    const saved = kitFromForm(form);
    if (!('kit' in saved)) throw new Error(saved.errors.join('; '));
    const kit = { ...saved.kit, updatedAt: '2026-01-05T10:00:00.000Z' };
    const shared = kitWithEndpoint({ title: 'Ship small', pitch: 'The feed’s pitch.', messages: {} }, kit);
    expect(shared.messages.x).toBe('Half the release time, same team.');
    expect(shared.messages.linkedin).toBe('We cut our release time in half. #devops #shipping');

    const page = counters(kitsPage([], form, { csrfToken: 't', exampleLink: LINK, notice: null, errors: [] }));
    expect(Object.keys(page)).toHaveLength(NETWORKS.length);
    for (const network of NETWORKS) {
      const { length, limit } = measureMessage(network, withLink(shared.messages[network], LINK));
      const figure = `${String(length)}${limit === null ? '' : ` / ${String(limit)}`} with the link`;
      const blank = form.messages[network] === undefined;
      expect({ network, counter: Object.values(page)[NETWORKS.indexOf(network)] }).toEqual({
        network,
        counter: blank ? `left blank, the pitch and hashtags: ${figure}` : figure,
      });
    }
  });
});
