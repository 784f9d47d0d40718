import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Config } from '../../config.js';
import { authorize, buildReach, type Actor, type Grant, type Role } from '../access/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import type { Db } from '../db/transaction.js';
import { inTransaction } from '../db/transaction.js';
import { prepared } from '../db/prepared.js';
import { AppError, errors } from '../http/app-error.js';
import type { RequestContext } from '../http/context.js';
import { createLoginThrottle } from './login-throttle.js';
import { DUMMY_PASSWORD_HASH, hashPassword, passwordProblems, verifyPassword } from './passwords.js';
import type { StaffDirectory } from './ports.js';
import { createRightsCache } from './rights-cache.js';

export type SessionInfo = { token: string; csrfToken: string; expiresAt: Date };

export type AuthService = ReturnType<typeof createAuthService>;

type AuthConfig = Pick<Config, 'sessionHours' | 'sessionIdleMinutes' | 'loginMaxFailures' | 'lockoutMinutes' | 'loginRatePerAccount'>;

/** A session's last use is written at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export function createAuthService(db: Db, directory: StaffDirectory, config: AuthConfig, options: { now?: () => Date } = {}) {
  // Sessions and lock-outs live in real time, not in the domain clock tests pin for deadlines.
  const now = options.now ?? (() => new Date());
  const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
  const throttle = createLoginThrottle({ max: config.loginRatePerAccount, windowMs: 60_000, now: () => now().getTime() });
  const lockoutMinutes = config.lockoutMinutes;
  // One answer for an unknown name, a wrong password, a disabled or a locked account (issue 10 item 8c):
  // the words say what to do in every case without saying which case it is.
  const invalid = () => new AppError('INVALID_CREDENTIALS', 401,
    `Tên đăng nhập hoặc mật khẩu không đúng. Sau ${config.loginMaxFailures} lần nhập sai, tài khoản tạm khóa ${lockoutMinutes} phút.`,
    `Wrong username or password. After ${config.loginMaxFailures} wrong attempts the account is locked for ${lockoutMinutes} minutes.`);

  async function loadActor(accountId: number): Promise<Actor | undefined> {
    const account = await db.selectFrom('auth_accounts').select(['id', 'staff_id', 'username', 'disabled']).where('id', '=', accountId).executeTakeFirst();
    if (!account || account.disabled) return undefined;
    const staff = await directory.findStaffSummary(account.staff_id);
    if (!staff || !staff.active) return undefined;
    const rows = await db.selectFrom('access_grants').select(['role', 'unit_id']).where('staff_id', '=', account.staff_id).execute();
    const unitIds = [...new Set(rows.map((r) => r.unit_id))];
    const [subtrees, units] = await Promise.all([directory.subtrees(unitIds), directory.units(unitIds)]);
    const grants: Grant[] = rows.map((r) => ({
      role: r.role as Role, unitId: r.unit_id, unitName: units.get(r.unit_id)?.name ?? '', provinceWide: units.get(r.unit_id)?.parentId === null,
    }));
    return {
      accountId: account.id, staffId: account.staff_id, username: account.username, fullName: staff.fullName,
      unitId: staff.unitId, unitName: staff.unitName, grants, reach: buildReach(grants, subtrees),
    };
  }

  /**
   * Counts a wrong password with one atomic UPDATE and decides the lock from the value it returns, so
   * parallel attempts cannot all read the same old count (issue 10 item 1).
   */
  async function recordFailure(ctx: RequestContext, accountId: number, username: string): Promise<void> {
    await inTransaction(db, async (trx) => {
      const { failed_attempts: failures } = await trx.updateTable('auth_accounts')
        .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
        .where('id', '=', accountId).returning('failed_attempts').executeTakeFirstOrThrow();
      const lock = failures >= config.loginMaxFailures;
      if (lock) {
        await trx.updateTable('auth_accounts').set({ failed_attempts: 0, locked_until: new Date(now().getTime() + lockoutMinutes * 60_000) })
          .where('id', '=', accountId).execute();
      }
      await recordAudit(trx, ctx, { action: lock ? 'auth.locked' : 'auth.login_failed', entity: 'account', entityId: accountId, note: username });
    });
  }

  const rights = createRightsCache();

  return {
    loadActor,

    /**
     * Checks the password; after `loginMaxFailures` wrong attempts the account is locked for
     * `lockoutMinutes`, and while locked even the right password is refused. The sign-in gets a new
     * session token whatever it arrived with, and the session it arrived with (if any) ends: a token
     * planted before sign-in is worth nothing after it (session fixation, ASVS 3.2.1).
     */
    async login(ctx: RequestContext, username: string, password: string, userAgent: string | null, previousToken?: string): Promise<{ session: SessionInfo; actor: Actor }> {
      if (!throttle.take(username)) {
        throw errors.tooManyRequests(
          'Có quá nhiều lần đăng nhập bằng tên này. Vui lòng thử lại sau ít phút.',
          'Too many sign-in attempts for this username. Try again in a few minutes.');
      }
      const account = await db.selectFrom('auth_accounts').selectAll().where('username', '=', username).executeTakeFirst();
      // Every path runs one argon2 verification and writes one audit row, so they take alike.
      const ok = await verifyPassword(account?.password_hash ?? DUMMY_PASSWORD_HASH, password);
      if (!account) {
        await inTransaction(db, (trx) => recordAudit(trx, ctx, { action: 'auth.login_failed', entity: 'account', entityId: null, note: username }));
        throw invalid();
      }
      const at = now();
      if (account.locked_until && account.locked_until > at) {
        await inTransaction(db, (trx) => recordAudit(trx, ctx, { action: 'auth.login_failed', entity: 'account', entityId: account.id, note: `${username} (đang tạm khóa)` }));
        throw invalid();
      }
      if (!ok || account.disabled) {
        await recordFailure(ctx, account.id, username);
        throw invalid();
      }
      const actor = await loadActor(account.id);
      if (!actor) throw invalid();
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(at.getTime() + config.sessionHours * 3_600_000);
      await inTransaction(db, async (trx) => {
        // Guarded: a parallel wrong attempt may have locked the account since it was read.
        const cleared = await trx.updateTable('auth_accounts').set({ failed_attempts: 0, locked_until: null })
          .where('id', '=', account.id)
          .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', at)]))
          .returning('id').executeTakeFirst();
        if (!cleared) throw invalid();
        if (previousToken) await trx.deleteFrom('auth_sessions').where('id', '=', hashToken(previousToken)).execute();
        await trx.deleteFrom('auth_sessions').where('account_id', '=', account.id).where('expires_at', '<=', at).execute();
        await trx.insertInto('auth_sessions').values({
          id: hashToken(token), account_id: account.id, csrf_token: csrfToken, created_at: at, last_seen_at: at, expires_at: expiresAt, ip: ctx.ip, user_agent: userAgent,
        }).execute();
        await recordAudit(trx, { ...ctx, actor }, { action: 'auth.login', entity: 'account', entityId: account.id, unitId: actor.unitId });
      });
      return { session: { token, csrfToken, expiresAt }, actor };
    },

    /**
     * The session behind a cookie, if it is still alive: not past its absolute end (`sessionHours`) and
     * used within the last `sessionIdleMinutes` (ASVS 3.3.2). Use moves the idle deadline on.
     */
    async resolveSession(token: string): Promise<{ actor: Actor; csrfToken: string; mustChangePassword: boolean } | undefined> {
      const id = hashToken(token);
      // One query: the session, the account's flags and the revision of everything the rights depend on.
      // Prepared on PostgreSQL (platform/db/prepared.ts): every signed-in request sends it.
      const session = (await db.executeQuery(prepared('auth_session', db.selectFrom('auth_sessions as s').innerJoin('auth_accounts as a', 'a.id', 's.account_id')
        .select(['s.account_id', 's.csrf_token', 's.expires_at', 's.last_seen_at', 'a.must_change_password', 'a.disabled'])
        .select(sql<string>`(select revision::text from access_revision)`.as('revision'))
        .where('s.id', '=', id)))).rows[0];
      if (!session) return undefined;
      const at = now();
      if (session.expires_at <= at || session.last_seen_at.getTime() + config.sessionIdleMinutes * 60_000 <= at.getTime()) {
        await db.deleteFrom('auth_sessions').where('id', '=', id).execute();
        return undefined;
      }
      if (session.disabled) return undefined;
      const actor = await rights.get(session.account_id, session.revision, () => loadActor(session.account_id));
      if (!actor) return undefined;
      if (at.getTime() - session.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
        await db.updateTable('auth_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
      }
      return { actor, csrfToken: session.csrf_token, mustChangePassword: session.must_change_password };
    },

    async logout(ctx: RequestContext, token: string): Promise<void> {
      await inTransaction(db, async (trx) => {
        await trx.deleteFrom('auth_sessions').where('id', '=', hashToken(token)).execute();
        if (ctx.actor) await recordAudit(trx, ctx, { action: 'auth.logout', entity: 'account', entityId: ctx.actor.accountId, unitId: ctx.actor.unitId });
      });
    },

    /**
     * Ends every session of a staff member at once (a lost laptop, a departure, a suspected theft).
     * Allowed to whoever manages staff at the person's unit; audited with the count ended.
     */
    async revokeSessions(ctx: RequestContext, staffId: number): Promise<{ ended: number }> {
      const staff = await directory.findStaffSummary(staffId);
      const notFound = () => errors.notFound('cán bộ', 'Staff member', 'STAFF_NOT_FOUND');
      if (!staff) throw ctx.actor ? notFound() : errors.unauthenticated();
      authorize(ctx.actor, 'staff.manage', staff.unitId, 'staff.read', notFound);
      return inTransaction(db, async (trx) => {
        const account = await trx.selectFrom('auth_accounts').select('id').where('staff_id', '=', staffId).executeTakeFirst();
        const ended = account
          ? (await trx.deleteFrom('auth_sessions').where('account_id', '=', account.id).executeTakeFirst()).numDeletedRows
          : 0n;
        await recordAudit(trx, ctx, { action: 'auth.sessions_revoked', entity: 'staff', entityId: staffId, unitId: staff.unitId, after: { ended: Number(ended) } });
        return { ended: Number(ended) };
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
          password_hash: hash, demo_password: false, must_change_password: false, password_changed_at: now(), version: eb('version', '+', 1),
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
