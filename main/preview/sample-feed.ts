/**
 * The feed the preview serves when none is configured, so a newcomer sees posts at once. Dates are
 * relative to now so the first poll's "recent post" notification shows too.
 */
const HOUR_MS = 60 * 60 * 1000;

const SAMPLE_POSTS = [
  {
    slug: 'ship-small-ship-often',
    title: 'Ship small, ship often: how we cut our release time in half',
    summary:
      '<p>We moved from monthly releases to daily ones without adding a single person. Here is what changed, what broke, and what we would do again.</p>',
    hoursAgo: 2,
  },
  {
    slug: 'customer-story-northwind',
    title: 'Customer story: Northwind saves 12 hours a week',
    summary:
      '<p>Northwind replaced three spreadsheets with one shared board. Their operations lead explains how the team adopted it in a week.</p>',
    hoursAgo: 30,
  },
  {
    slug: 'we-are-hiring-berlin',
    title: 'We are hiring in Berlin',
    summary:
      '<p>Five new roles across engineering and design are open. Know someone great? A share from you reaches people no job board does.</p>',
    hoursAgo: 75,
  },
];

const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function sampleFeedXml(siteUrl: string, now: Date): string {
  const items = SAMPLE_POSTS.map((post) => {
    const link = new URL(`blog/${post.slug}`, siteUrl).href;
    return (
      `<item><title>${escapeXml(post.title)}</title><link>${escapeXml(link)}</link><guid>${escapeXml(link)}</guid>` +
      `<pubDate>${new Date(now.getTime() - post.hoursAgo * HOUR_MS).toUTCString()}</pubDate>` +
      `<description>${escapeXml(post.summary)}</description></item>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Example Company Blog</title>` +
    `<link>${escapeXml(siteUrl)}</link><description>A sample feed served by the Advocate preview</description>${items.join('')}</channel></rss>`
  );
}
