/**
 * What each kind of channel receives for a post. Slack: Block Kit (header, section, image, actions,
 * context) with a top-level `text` for notifications and clients without blocks. Teams: a message with
 * one Adaptive Card 1.4 attachment, as Workflows' "post to a channel" expects. Webhook: plain JSON,
 * signed in webhook-signature.ts. Lengths are cut to the receivers' documented limits.
 */
import type { ChannelKind } from '../database.ts';

export interface ChannelPost {
  /** Stable for one channel and post: a webhook receiver can drop a repeat by it. */
  readonly deliveryId: string;
  readonly title: string;
  readonly pitch: string;
  readonly link: string;
  /** Where "Share" leads (the post itself until there is a share page). */
  readonly shareUrl: string;
  readonly imageUrl: string | null;
  readonly hashtags: readonly string[];
}

/** Slack's limits: header text 150, section text 3000, alt text 2000. */
const SLACK_HEADER = 150;
const SLACK_SECTION = 3000;
const SLACK_ALT = 2000;

const cut = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

/** Slack's mrkdwn treats these three as markup: escaped as its documentation says. */
const slackEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const tags = (post: ChannelPost): string => post.hashtags.map((tag) => `#${tag}`).join(' ');

export function slackMessage(post: ChannelPost): object {
  const title = post.title || post.link;
  const blocks: object[] = [
    { type: 'header', text: { type: 'plain_text', text: cut(title, SLACK_HEADER), emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: cut(slackEscape(post.pitch || title), SLACK_SECTION) } },
  ];
  if (post.imageUrl !== null) blocks.push({ type: 'image', image_url: post.imageUrl, alt_text: cut(title, SLACK_ALT) });
  blocks.push({
    type: 'actions',
    elements: [
      { type: 'button', text: { type: 'plain_text', text: 'Read' }, url: post.link, action_id: 'read' },
      {
        type: 'button',
        text: { type: 'plain_text', text: 'Share' },
        url: post.shareUrl,
        action_id: 'share',
        style: 'primary',
      },
    ],
  });
  if (post.hashtags.length > 0) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: tags(post) }] });
  return { text: `${title}: ${post.pitch} ${post.link}`.replace(/\s+/g, ' ').trim(), blocks };
}

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export function teamsMessage(post: ChannelPost): object {
  const title = post.title || post.link;
  const body: object[] = [
    { type: 'TextBlock', text: title, size: 'Large', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: post.pitch || title, wrap: true },
  ];
  if (post.imageUrl !== null) body.push({ type: 'Image', url: post.imageUrl, altText: title, size: 'Stretch' });
  if (post.hashtags.length > 0) body.push({ type: 'TextBlock', text: tags(post), isSubtle: true, wrap: true });
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          type: 'AdaptiveCard',
          $schema: ADAPTIVE_CARD_SCHEMA,
          version: '1.4',
          body,
          actions: [
            { type: 'Action.OpenUrl', title: 'Read', url: post.link },
            { type: 'Action.OpenUrl', title: 'Share', url: post.shareUrl },
          ],
        },
      },
    ],
  };
}

export function webhookBody(post: ChannelPost, test: boolean): object {
  return {
    id: post.deliveryId,
    type: test ? 'test' : 'post',
    post: {
      title: post.title,
      pitch: post.pitch,
      link: post.link,
      shareUrl: post.shareUrl,
      imageUrl: post.imageUrl,
      hashtags: post.hashtags,
    },
  };
}

export function channelBody(kind: ChannelKind, post: ChannelPost, test = false): string {
  const message =
    kind === 'slack' ? slackMessage(post) : kind === 'teams' ? teamsMessage(post) : webhookBody(post, test);
  return JSON.stringify(message);
}
