/** Where the window is: one of four sections, or one post opened from the list. */
export type Section = 'posts' | 'results' | 'guide' | 'settings';

export type Route = { readonly view: Section } | { readonly view: 'post'; readonly postId: string };

export const SECTION_LABELS: Readonly<Record<Section, string>> = {
  posts: 'Posts',
  results: 'Results',
  guide: 'Guide',
  settings: 'Settings',
};

export const sectionOf = (route: Route): Section => (route.view === 'post' ? 'posts' : route.view);
