import { AppError } from '../http/app-error.js';

type PgError = { code?: string; constraint?: string };

/**
 * Unique and foreign-key violations are the database telling the user something about their
 * input ("this code is taken"); translate the ones a service expects into a clear 409/400.
 */
export function translateDbError(err: unknown, byConstraint: Record<string, AppError>): never {
  const pgErr = err as PgError;
  if (pgErr && typeof pgErr === 'object' && pgErr.constraint && byConstraint[pgErr.constraint]) throw byConstraint[pgErr.constraint];
  throw err;
}

export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  const e = err as PgError;
  return e?.code === '23505' && (!constraint || e.constraint === constraint);
}

/** Node socket errors and PostgreSQL SQLSTATEs that mean "the database is not there right now". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', // admin shutdown, crash shutdown, cannot connect now (starting up, recovering)
  '53300', // too many connections
]);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly|connect ECONNREFUSED/i;

/**
 * Whether an error means the database could not be reached (server down, restarting, network cut,
 * pool exhausted) rather than anything about the request: such requests answer 503, not 500, and
 * the pool reconnects by itself once the server is back.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: unknown; message?: unknown; errors?: unknown[] };
  if (typeof e.code === 'string' && (UNAVAILABLE_CODES.has(e.code) || /^08[0-9A-Z]{3}$/.test(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  // Node reports a refused connection to every address of a host as an AggregateError.
  return Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable);
}

/**
 * SQLSTATE class 22 (data exception): a value the column's type cannot hold, e.g. 22P02 invalid
 * text for a number, 22003 out of range, 22008 date out of range, 22021 a NUL byte, 22P05 a Unicode
 * escape `jsonb` refuses. Also 54001 (statement too complex, from a deeply nested value).
 */
export function isDataError(err: unknown): boolean {
  const code = (err as PgError)?.code;
  return typeof code === 'string' && (/^22[0-9A-Z]{3}$/.test(code) || code === '54001');
}

/** SQLSTATE 23503/23505 that no service translated: a reference to a missing record, or a duplicate. */
export function isIntegrityError(err: unknown): boolean {
  const code = (err as PgError)?.code;
  return code === '23503' || code === '23505';
}
