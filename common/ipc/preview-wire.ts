/**
 * How the browser preview carries the IPC contract over a localhost socket: calls are POSTs of the
 * argument tuple, events arrive as server-sent events named after the contract's events.
 */
export const PREVIEW_WIRE = {
  /** POST `${invokePrefix}<call name>` with the JSON argument tuple; answers an IpcAnswer. */
  invokePrefix: '/ipc/',
  events: '/events',
  /** POST `{ postId }` when a toast is clicked: the preview's stand-in for a notification click. */
  noticeClick: '/preview/notice-click',
  bridgeScript: '/preview-bridge.js',
  /** The server-sent event that carries a notice to show as an in-page toast. */
  noticeEvent: 'preview:notice',
} as const;
