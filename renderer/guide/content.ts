/** The words of the guide and the onboarding: short, concrete, one idea each. */
import type { Network } from '../../common/domain.ts';

export const NETWORK_TIPS: Readonly<Record<Network, string>> = {
  linkedin: 'Start with your own sentence: LinkedIn shows only the first two lines before “see more”.',
  x: 'Short wins. One hashtag at most; the link always counts as 23 characters.',
  facebook: 'Facebook takes only the link: paste the copied text above it, and say who it helps.',
  bluesky: '300 characters including the link: trim the message, keep your own take.',
  threads: 'Write it like a conversation: a question at the end gets replies.',
  mastodon: 'Hashtags matter: people follow tags there. Tell Advocate your server once.',
  xing: 'XING takes only the link: paste the copied text into the post.',
  email: 'Send it to one or two people it will help, with a line on why.',
};

export interface GuideStep {
  readonly title: string;
  readonly text: string;
}

/** The guide's "sharing in two clicks". */
export const TWO_CLICKS: readonly string[] = [
  'Open the post from its notification or the list, and read its pitch: one line on why it is worth sharing.',
  'Click Copy, or Open for your network: the message is ready, link included. Put your own take first if you like.',
  'Post it there, then click Mark shared, so your results and your team’s count it.',
];

/** The three onboarding steps on first run. */
export const ONBOARDING_STEPS: readonly GuideStep[] = [
  {
    title: 'New posts come to you',
    text: 'When your company publishes a post, Advocate shows a notification and a count on its tray icon. Click either to open the post.',
  },
  {
    title: 'Share in two clicks',
    text: 'Read the one-line pitch, add your own take if you like, then Copy or open the network’s composer. Mark it shared once it is posted.',
  },
  {
    title: 'See what it achieves',
    text: 'Results shows your shares, the visits your links brought and your team’s totals. The Guide has a tip for each network.',
  },
];
