/**
 * PostgreSQL through a `pg` pool. A connection that drops (the server restarts, a backend is
 * terminated) is discarded and the pool connects afresh on the next query, so serving resumes by
 * itself once the database is back; until then queries fail fast and the endpoint answers 503.
 */
import { PostgresDialect } from 'kysely';
import pg from 'pg';

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

/** The address without its password, for logs and messages. */
export function describePostgresUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.href;
}

export interface PostgresOptions {
  /** Connections this process keeps at most (ADVOCATE_DB_POOL_SIZE). */
  readonly poolSize?: number;
  /** Where errors on idle connections go; they are expected while the server restarts. */
  readonly onConnectionError?: (error: Error) => void;
}

const CONNECT_TIMEOUT_MS = 5000;

export function postgresPool(url: string, options: PostgresOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    // A server that does not answer must not hold requests forever: fail, answer 503, try again later.
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    application_name: 'advocate-endpoint',
  });
  const onError = options.onConnectionError ?? (() => undefined);
  pool.on('error', onError);
  // pg takes its own listener off a client while it is checked out; without one there, a connection
  // that drops between two queries of a transaction would crash the process instead of failing them.
  pool.on('connect', (client) => client.on('error', onError));
  return pool;
}

export const postgresDialect = (pool: pg.Pool): PostgresDialect => new PostgresDialect({ pool });

/** Why a first connection failed, in words: the host, then the cause. */
export function unreachableReason(url: string, error: unknown): string {
  const parsed = new URL(url);
  const where = `${parsed.hostname}:${parsed.port || '5432'}`;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  const nested = (error as { errors?: { code?: unknown }[] } | null)?.errors?.[0]?.code;
  const cause =
    {
      ECONNREFUSED: 'connection refused',
      ENOTFOUND: 'no such host',
      EAI_AGAIN: 'the host name could not be looked up',
      ETIMEDOUT: 'no answer',
      EHOSTUNREACH: 'the host is unreachable',
      ECONNRESET: 'the connection was closed',
      '28P01': 'the user name or password was refused',
      '28000': 'this user may not connect from here (pg_hba.conf)',
      '3D000': `there is no database "${decodeURIComponent(parsed.pathname.slice(1))}"`,
      '57P03': 'the server is starting up or shutting down',
      '53300': 'the server has too many connections',
    }[String(code ?? nested)] ??
    (typeof message === 'string' && /timeout/i.test(message) ? 'no answer within 5 seconds' : String(message));
  return `cannot reach the database at ${where} (${cause})`;
}
