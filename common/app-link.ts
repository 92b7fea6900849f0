/**
 * `advocate://post/<post URL, percent-encoded>`: the address a share page or an email gives for "Open in
 * Advocate". The desktop app registers the scheme; a click opens that post in the running app. The post
 * is named by its URL, the key both the endpoint and every desktop know it by.
 */
export const APP_LINK_SCHEME = 'advocate';
const POST_PREFIX = `${APP_LINK_SCHEME}://post/`;
/** Longer than any post URL the endpoint accepts (2,048 characters) even when fully percent-encoded. */
const MAX_APP_LINK_LENGTH = 3 * 2048 + POST_PREFIX.length;

export const appLinkToPost = (postUrl: string): string => `${POST_PREFIX}${encodeURIComponent(postUrl)}`;

/** The post URL an app link names, or null for anything else (another scheme or path, a non-web URL). */
export function postUrlOfAppLink(link: string): string | null {
  if (link.length > MAX_APP_LINK_LENGTH || !link.toLowerCase().startsWith(POST_PREFIX)) return null;
  let postUrl: string;
  try {
    postUrl = decodeURIComponent(link.slice(POST_PREFIX.length).replace(/\/$/, ''));
  } catch {
    return null;
  }
  if (!URL.canParse(postUrl)) return null;
  const { protocol } = new URL(postUrl);
  return protocol === 'https:' || protocol === 'http:' ? postUrl : null;
}

/** The app link among a launch's arguments (Windows and Linux pass it so), or null. */
export const appLinkInArguments = (args: readonly string[]): string | null =>
  args.find((arg) => arg.toLowerCase().startsWith(POST_PREFIX)) ?? null;
