/** "Open in Advocate" links: made by the endpoint, read by the desktop; anything but a web post is no link. */
import { describe, expect, it } from 'vitest';
import { appLinkInArguments, appLinkToPost, postUrlOfAppLink } from '../../common/app-link.ts';

const POST = 'https://blog.example.com/ship-small?ref=a&b=c#part';

describe('advocate:// links', () => {
  it('carry a post URL there and back, query and fragment included', () => {
    const link = appLinkToPost(POST);
    expect(link).toBe(`advocate://post/${encodeURIComponent(POST)}`);
    expect(postUrlOfAppLink(link)).toBe(POST);
    // Some OSes add a slash, or change the scheme's case.
    expect(postUrlOfAppLink(`${link}/`)).toBe(POST);
    expect(postUrlOfAppLink(link.replace('advocate', 'Advocate'))).toBe(POST);
  });

  it('name no post for another path, a non-web URL, broken escapes or an endless link', () => {
    for (const link of [
      'advocate://settings/x',
      `advocate://post/${encodeURIComponent('javascript:alert(1)')}`,
      `advocate://post/${encodeURIComponent('file:///etc/passwd')}`,
      'advocate://post/%E0%A4%A',
      'advocate://post/not%20a%20url',
      `advocate://post/${encodeURIComponent(`https://blog.example.com/${'a'.repeat(7000)}`)}`,
      'https://blog.example.com/ship-small',
    ])
      expect(postUrlOfAppLink(link), link).toBeNull();
  });

  it('are found among a second launch’s arguments', () => {
    expect(appLinkInArguments(['/opt/Advocate/advocate', '--flag', appLinkToPost(POST)])).toBe(appLinkToPost(POST));
    expect(appLinkInArguments(['/opt/Advocate/advocate', '--hidden'])).toBeNull();
  });
});
