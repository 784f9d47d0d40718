import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../../config.js';
import { buildReach, type Actor, type Grant, type Role } from '../access/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/transaction.js';
import { inTransaction } from '../db/transaction.js';
import { AppError, errors } from '../http/app-error.js';
import type { RequestContext } from '../http/context.js';
import { dummyPasswordHash, hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import type { StaffDirectory } from './ports.js';

export type SessionInfo = { token: string; csrfToken: string; expiresAt: Date };

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(db: Db, directory: StaffDirectory, config: Pick<Config, 'sessionHours' | 'loginMaxFailures' | 'lockoutMinutes'>) {
  const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

  async function loadActor(accountId: number): Promise<Actor | undefined> {
    const account = await db.selectFrom('auth_accounts').select(['id', 'staff_id', 'username', 'disabled']).where('id', '=', accountId).executeTakeFirst();
    if (!account || account.disabled) return undefined;
    const staff = await directory.findStaffSummary(account.staff_id);
    if (!staff || !staff.active) return undefined;
    const rows = await db.selectFrom('access_grants').select(['role', 'unit_id']).where('staff_id', '=', account.staff_id).execute();
    const unitIds = [...new Set(rows.map((r) => r.unit_id))];
    const [subtrees, names] = await Promise.all([directory.subtrees(unitIds), directory.unitNames(unitIds)]);
    const grants: Grant[] = rows.map((r) => ({ role: r.role as Role, unitId: r.unit_id, unitName: names.get(r.unit_id) ?? '' }));
    return {
      accountId: account.id, staffId: account.staff_id, username: account.username, fullName: staff.fullName,
      unitId: staff.unitId, unitName: staff.unitName, grants, reach: buildReach(grants, subtrees),
    };
  }

  return {
    loadActor,

    /**
     * Checks the password; after `loginMaxFailures` wrong attempts the account is locked for
     * `lockoutMinutes`, and while locked even the right password is refused.
     */
    async login(ctx: RequestContext, username: string, password: string, userAgent: string | null): Promise<{ session: SessionInfo; actor: Actor }> {
      const account = await db.selectFrom('auth_accounts').selectAll().where('username', '=', username).executeTakeFirst();
      const invalid = new AppError('INVALID_CREDENTIALS', 401, 'Tên đăng nhập hoặc mật khẩu không đúng.', 'Wrong username or password.');
      if (!account) {
        await verifyPassword(await dummyPasswordHash(), password);
        throw invalid;
      }
      if (account.locked_until && account.locked_until > new Date()) {
        throw new AppError('ACCOUNT_LOCKED', 423,
          `Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Thử lại sau ${formatVnTime(account.locked_until)}.`,
          `The account is locked after too many failed sign-ins. Try again after ${account.locked_until.toISOString()}.`,
          undefined, { lockedUntil: account.locked_until.toISOString() });
      }
      const ok = await verifyPassword(account.password_hash, password);
      if (!ok || account.disabled) {
        const failures = account.failed_attempts + 1;
        const lock = failures >= config.loginMaxFailures;
        await inTransaction(db, async (trx) => {
          await trx.updateTable('auth_accounts').set({
            failed_attempts: lock ? 0 : failures,
            locked_until: lock ? new Date(Date.now() + config.lockoutMinutes * 60_000) : account.locked_until,
          }).where('id', '=', account.id).execute();
          await recordAudit(trx, ctx, { action: lock ? 'auth.locked' : 'auth.login_failed', entity: 'account', entityId: account.id, note: username });
        });
        throw invalid;
      }
      const actor = await loadActor(account.id);
      if (!actor) throw invalid;
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(Date.now() + config.sessionHours * 3_600_000);
      await inTransaction(db, async (trx) => {
        await trx.updateTable('auth_accounts').set({ failed_attempts: 0, locked_until: null }).where('id', '=', account.id).execute();
        await trx.insertInto('auth_sessions').values({
          id: hashToken(token), account_id: account.id, csrf_token: csrfToken, expires_at: expiresAt, ip: ctx.ip, user_agent: userAgent,
        }).execute();
        await recordAudit(trx, { ...ctx, actor }, { action: 'auth.login', entity: 'account', entityId: account.id, unitId: actor.unitId });
      });
      return { session: { token, csrfToken, expiresAt }, actor };
    },

    async resolveSession(token: string): Promise<{ actor: Actor; csrfToken: string; mustChangePassword: boolean } | undefined> {
      const session = await db.selectFrom('auth_sessions').selectAll().where('id', '=', hashToken(token)).executeTakeFirst();
      if (!session || session.expires_at <= new Date()) return undefined;
      const actor = await loadActor(session.account_id);
      if (!actor) return undefined;
      const account = await db.selectFrom('auth_accounts').select('must_change_password').where('id', '=', session.account_id).executeTakeFirstOrThrow();
      return { actor, csrfToken: session.csrf_token, mustChangePassword: account.must_change_password };
    },

    async logout(ctx: RequestContext, token: string): Promise<void> {
      await inTransaction(db, async (trx) => {
        await trx.deleteFrom('auth_sessions').where('id', '=', hashToken(token)).execute();
        if (ctx.actor) await recordAudit(trx, ctx, { action: 'auth.logout', entity: 'account', entityId: ctx.actor.accountId, unitId: ctx.actor.unitId });
      });
    },

    /** Changing the password ends every other session of the account. */
    async changePassword(ctx: RequestContext, currentToken: string, currentPassword: string, newPassword: string): Promise<void> {
      const actor = ctx.actor;
      if (!actor) throw errors.unauthenticated();
      const account = await db.selectFrom('auth_accounts').selectAll().where('id', '=', actor.accountId).executeTakeFirstOrThrow();
      if (!(await verifyPassword(account.password_hash, currentPassword))) {
        throw new AppError('INVALID_CREDENTIALS', 400, 'Mật khẩu hiện tại không đúng.', 'The current password is wrong.', [
          { path: 'currentPassword', message: 'Mật khẩu hiện tại không đúng.', messageEn: 'The current password is wrong.' },
        ]);
      }
      const problems = passwordProblems(newPassword, account.username);
      if (problems.length) {
        throw errors.validation(problems.map((p) => ({ path: 'newPassword', message: p.vi, messageEn: p.en })));
      }
      const hash = await hashPassword(newPassword);
      await inTransaction(db, async (trx) => {
        await trx.updateTable('auth_accounts').set((eb) => ({
          password_hash: hash, demo_password: false, must_change_password: false, password_changed_at: new Date(), version: eb('version', '+', 1),
        })).where('id', '=', account.id).execute();
        await trx.deleteFrom('auth_sessions').where('account_id', '=', account.id).where('id', '<>', hashToken(currentToken)).execute();
        await recordAudit(trx, ctx, { action: 'auth.password_changed', entity: 'account', entityId: account.id, unitId: actor.unitId });
      });
    },

    async countDemoPasswords(): Promise<number> {
      const row = await db.selectFrom('auth_accounts').select((eb) => eb.fn.countAll<string>().as('n')).where('demo_password', '=', true).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

function formatVnTime(d: Date): string {
  return new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit', day: '2-digit', month: '2-digit', year: 'numeric' }).format(d);
}
