import { hash, verify } from '@node-rs/argon2';
import { PASSWORD_MIN_LENGTH } from './auth.schema.js';
import { isCommonPassword } from './common-passwords.js';

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

/**
 * Verified against when the username does not exist, so an unknown name costs the same argon2 work as
 * a known one and timing does not reveal accounts. A fixed hash (same cost parameters as `OPTIONS`,
 * of a random secret nobody kept) so even the first unknown name is not slower by a hashing.
 */
export const DUMMY_PASSWORD_HASH = '$argon2id$v=19$m=19456,t=2,p=1$zcKqt/1czAGeT70Kb7JSbA$cugkiPo0DIgYqlw+es5N/L8C9CA1vSymlOeoPxU33AY';

/** Rules for a new password (ASVS 2.1): length, not a common or breached one, not built from the username. */
export function passwordProblems(password: string, username: string): { vi: string; en: string }[] {
  const problems: { vi: string; en: string }[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    problems.push({ vi: `Mật khẩu mới phải có ít nhất ${PASSWORD_MIN_LENGTH} ký tự.`, en: `The new password must have at least ${PASSWORD_MIN_LENGTH} characters.` });
  }
  const name = username.toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) {
    problems.push({ vi: 'Mật khẩu không được chứa tên đăng nhập.', en: 'The password must not contain the username.' });
  }
  if (password === DEMO_PASSWORD || isCommonPassword(password)) {
    problems.push({
      vi: 'Mật khẩu này quá phổ biến hoặc đã bị lộ, dễ bị đoán. Hãy chọn mật khẩu khác, ví dụ một câu ngắn dễ nhớ.',
      en: 'This password is too common or known from breaches. Choose another, for example a short sentence.',
    });
  }
  return problems;
}
