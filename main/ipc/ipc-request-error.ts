/**
 * An error whose message is meant for the window. Anything else thrown by a handler reaches the window
 * only as a generic failure, so internals (paths, stack traces) never cross the bridge.
 */
export class IpcRequestError extends Error {
  override readonly name = 'IpcRequestError';
}
