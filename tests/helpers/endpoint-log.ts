/** The endpoint's own log lines, captured: what it answered to whom, as an operator would read it. */
import { PassThrough } from 'node:stream';

export interface AnsweredRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
}

export function captureEndpointLog(): {
  readonly stream: PassThrough;
  answered(method?: string, path?: string): AnsweredRequest[];
} {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return {
    stream,
    answered: (method, path) =>
      text
        .split('\n')
        .filter((line) => line.includes('"msg":"answered"'))
        .map((line) => JSON.parse(line) as AnsweredRequest)
        .map(({ method: m, path: p, status }) => ({ method: m, path: p, status }))
        .filter(
          (entry) => (method === undefined || entry.method === method) && (path === undefined || entry.path === path),
        ),
  };
}
