// jsdom has no layout, so no scrolling; the window calls it when a notification opens a post.
Element.prototype.scrollIntoView = function scrollIntoView() {
  return undefined;
};
