/**
 * The app's log: one line per entry in userData/logs/advocate.log, rotated by size (advocate.1.log is
 * the previous file), every detail passed through `redact` first so no token or message text is written.
 */
import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../core/ports.ts';
import { redact, redactText } from './redact.ts';

export interface FileLoggerOptions {
  readonly dir: string;
  readonly maxBytes?: number;
  /** Rotated files kept beside the current one (at least 1). */
  readonly keep?: number;
  readonly now?: () => Date;
  /** Also print (development runs). */
  readonly echo?: Logger;
}

export interface FileLogger extends Logger {
  readonly path: string;
  /** The last lines of the current file, for the diagnostics report. */
  tail(lines: number): string[];
}

const LOG_NAME = 'advocate';

export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(1, options.keep ?? 3);
  const now = options.now ?? (() => new Date());
  const path = join(options.dir, `${LOG_NAME}.log`);
  const rotated = (index: number): string => join(options.dir, `${LOG_NAME}.${String(index)}.log`);
  mkdirSync(options.dir, { recursive: true });
  let size = 0;
  try {
    size = statSync(path).size;
  } catch {
    size = 0;
  }

  function rotate(): void {
    rmSync(rotated(keep), { force: true });
    for (let index = keep - 1; index >= 1; index -= 1) {
      try {
        renameSync(rotated(index), rotated(index + 1));
      } catch {
        // That generation does not exist yet.
      }
    }
    renameSync(path, rotated(1));
    size = 0;
  }

  function write(level: 'info' | 'warn' | 'error', message: string, details?: Record<string, unknown>): void {
    const safe = details ? (redact(details) as Record<string, unknown>) : undefined;
    const line = `${now().toISOString()} ${level.toUpperCase()} ${redactText(message)}${safe ? ` ${JSON.stringify(safe)}` : ''}\n`;
    const bytes = Buffer.byteLength(line);
    try {
      if (size > 0 && size + bytes > maxBytes) rotate();
      appendFileSync(path, line, { mode: 0o600 });
      size += bytes;
    } catch (error) {
      // A full or read-only disk must not take the app down with it.
      options.echo?.error('could not write the log file', {
        reason: error instanceof Error ? error.message : String(error),
      });
    }
    options.echo?.[level](message, safe);
  }

  return {
    path,
    info: (message, details) => write('info', message, details),
    warn: (message, details) => write('warn', message, details),
    error: (message, details) => write('error', message, details),
    tail(lines) {
      try {
        return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines);
      } catch {
        return [];
      }
    },
  };
}
