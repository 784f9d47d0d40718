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
