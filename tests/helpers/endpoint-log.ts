/** The endpoint's own log lines, captured: what it answered to whom, as an operator would read it. */
import { PassThrough } from 'node:stream';

export interface AnsweredRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

export function captureEndpointLog(): {
  readonly stream: PassThrough;
  /** Every line written so far, parsed. */
  lines(): Record<string, unknown>[];
  answered(method?: string, path?: string): AnsweredRequest[];
} {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  // The last piece is a line still being written, or nothing.
  const lines = (): Record<string, unknown>[] =>
    text
      .split('\n')
      .slice(0, -1)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return {
    stream,
    lines,
    answered: (method, path) =>
      lines()
        .filter((line) => line['msg'] === 'answered')
        .map((line) => line as unknown as AnsweredRequest)
        .map(({ method: m, path: p, status }) => ({ method: m, path: p, status }))
        .filter(
          (entry) => (method === undefined || entry.method === method) && (path === undefined || entry.path === path),
        ),
  };
}
