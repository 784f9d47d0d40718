import { hash, verify } from '@node-rs/argon2';

// argon2id (the library's default algorithm) with OWASP's minimum memory/time cost.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const DEMO_PASSWORD = 'motcua';

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash to verify against when the username does not exist, so timing does not reveal accounts. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  return (dummyHash ??= hashPassword('not-a-real-password'));
}

/** Minimum rules for a new password; messages in both languages. */
export function passwordProblems(password: string, username: string): { vi: string; en: string }[] {
  const problems: { vi: string; en: string }[] = [];
  if (password.length < 10) problems.push({ vi: 'Mật khẩu mới phải có ít nhất 10 ký tự.', en: 'The new password must have at least 10 characters.' });
  if (password.toLowerCase() === username.toLowerCase()) problems.push({ vi: 'Mật khẩu không được trùng tên đăng nhập.', en: 'The password must differ from the username.' });
  if (password === DEMO_PASSWORD) problems.push({ vi: 'Không được dùng mật khẩu mẫu.', en: 'The demo password cannot be used.' });
  return problems;
}
