/** Calls to a test endpoint as a device (or the admin) would make them, and events to send. */
import type { Network, ShareEventType } from '../../common/domain.ts';
import { uuidv7 } from '../../common/uuid.ts';

export interface ApiAnswer<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

async function call<T>(
  base: string,
  path: string,
  token: string | null,
  init: RequestInit = {},
): Promise<ApiAnswer<T>> {
  const headers = new Headers(init.headers);
  if (token !== null) headers.set('authorization', `Bearer ${token}`);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const response = await fetch(new URL(path, base), { ...init, headers, redirect: 'manual' });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: body as T };
}

export function apiAs(base: string, token: string | null) {
  return {
    get: <T = unknown>(path: string, headers: Record<string, string> = {}) => call<T>(base, path, token, { headers }),
    post: <T = unknown>(path: string, body: unknown) =>
      call<T>(base, path, token, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) }),
    put: <T = unknown>(path: string, body: unknown) =>
      call<T>(base, path, token, { method: 'PUT', body: JSON.stringify(body) }),
    patch: <T = unknown>(path: string, body: unknown) =>
      call<T>(base, path, token, { method: 'PATCH', body: JSON.stringify(body) }),
    delete: <T = unknown>(path: string) => call<T>(base, path, token, { method: 'DELETE' }),
  };
}

export function shareEvent(options: { postKey?: string; network?: Network; type?: ShareEventType; at?: Date } = {}) {
  const at = options.at ?? new Date();
  return {
    id: uuidv7(at.getTime()),
    type: options.type ?? 'shared',
    postKey: options.postKey ?? 'https://blog.example.com/a',
    network: options.network ?? 'linkedin',
    at: at.toISOString(),
  };
}
