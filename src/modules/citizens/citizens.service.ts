import { createHash, randomBytes } from 'node:crypto';
import { recordAudit } from '../../platform/audit/audit.service.js';
import type { DataProtection } from '../../platform/crypto/data-protection.js';
import type { Db } from '../../platform/db/transaction.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import { normaliseIdNumber } from '../dossiers/personal-data.js';
import type { CitizenProfile, VerifiedIdentity } from './identity.js';
import type { ContactInput } from './schema.js';
import type { CitizensTable } from './citizens.tables.js';
import type { Selectable } from 'kysely';

export type CitizenSession = { token: string; csrfToken: string; expiresAt: Date };
export type ResolvedCitizenSession = { citizenId: number; fullName: string; csrfToken: string };

type Options = {
  db: Db;
  keys: DataProtection;
  sessionHours: number;
  sessionIdleMinutes: number;
};

/** A session's last use is written at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export const citizenNotSignedIn = () => new AppError('CITIZEN_UNAUTHENTICATED', 401,
  'Vui lòng đăng nhập bằng tài khoản định danh điện tử (VNeID) để dùng dịch vụ công trực tuyến.',
  'Please sign in with your electronic identity (VNeID) to use online public services.');

/**
 * Citizens of the online public services: who they are comes only from a verified e-ID sign-in
 * (`signIn` takes the identity the OpenID Connect client verified), and their sessions live apart
 * from staff sessions. Sessions and sign-ins use real time, not the domain clock tests pin.
 */
export function createCitizenService({ db, keys, sessionHours, sessionIdleMinutes }: Options) {
  const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

  const profileOf = (row: Selectable<CitizensTable>): CitizenProfile => ({
    id: row.id,
    fullName: row.full_name,
    idNumber: row.id_number ? keys.openText(row.id_number) : null,
    birthDate: row.birth_date,
    address: row.address,
    phone: row.phone,
    email: row.email,
    issuer: row.issuer,
    version: row.version,
  });

  return {
    /**
     * The person behind a verified identity signs in: found by (issuer, subject), created on first
     * sign-in; the provider's name, ID number and date of birth always win (they are the registry's),
     * contact details only fill what the citizen has not set. A previous session token is ended.
     */
    async signIn(ctx: RequestContext, identity: VerifiedIdentity, userAgent: string | null, previousToken?: string): Promise<{ session: CitizenSession; profile: CitizenProfile }> {
      const at = new Date();
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(24).toString('base64url');
      const expiresAt = new Date(at.getTime() + sessionHours * 3_600_000);
      const idNumber = identity.idNumber ? normaliseIdNumber(identity.idNumber) : undefined;
      return inTransaction(db, async (trx) => {
        const existing = await trx.selectFrom('citizens').selectAll().where('issuer', '=', identity.issuer).where('subject', '=', identity.subject).forUpdate().executeTakeFirst();
        const fromRegistry = {
          full_name: identity.fullName,
          id_number: idNumber ? keys.sealText(idNumber) : null,
          id_number_index: idNumber ? keys.blindIndex(idNumber) : null,
          birth_date: identity.birthDate ?? null,
          last_sign_in_at: at,
        };
        const row = existing
          ? await trx.updateTable('citizens').set({
            ...fromRegistry,
            address: existing.address ?? identity.address ?? null,
            phone: existing.phone ?? identity.phone ?? null,
            email: existing.email ?? identity.email ?? null,
            updated_at: at,
          }).where('id', '=', existing.id).returningAll().executeTakeFirstOrThrow()
          : await trx.insertInto('citizens').values({
            issuer: identity.issuer, subject: identity.subject, ...fromRegistry,
            address: identity.address ?? null, phone: identity.phone ?? null, email: identity.email ?? null,
          }).returningAll().executeTakeFirstOrThrow();
        if (previousToken) await trx.deleteFrom('citizen_sessions').where('id', '=', hashToken(previousToken)).execute();
        await trx.deleteFrom('citizen_sessions').where('citizen_id', '=', row.id).where('expires_at', '<=', at).execute();
        await trx.insertInto('citizen_sessions').values({
          id: hashToken(token), citizen_id: row.id, csrf_token: csrfToken, created_at: at, last_seen_at: at, expires_at: expiresAt, ip: ctx.ip, user_agent: userAgent,
        }).execute();
        const auditCtx = { ...ctx, citizen: { id: row.id, fullName: row.full_name } };
        if (!existing) await recordAudit(trx, auditCtx, { action: 'citizen.registered', entity: 'citizen', entityId: row.id, after: { issuer: identity.issuer } });
        await recordAudit(trx, auditCtx, { action: 'citizen.signed_in', entity: 'citizen', entityId: row.id });
        return { session: { token, csrfToken, expiresAt }, profile: profileOf(row) };
      });
    },

    /**
     * A person the e-ID provider knows, on file before their first sign-in (the demo's citizens, so
     * their history is there when they first sign in): found by (issuer, subject) or created as a
     * first sign-in would, without a session. Their next sign-in finds the same row.
     */
    async enrol(ctx: RequestContext, identity: VerifiedIdentity): Promise<CitizenProfile> {
      const idNumber = identity.idNumber ? normaliseIdNumber(identity.idNumber) : undefined;
      return inTransaction(db, async (trx) => {
        const existing = await trx.selectFrom('citizens').selectAll().where('issuer', '=', identity.issuer).where('subject', '=', identity.subject).executeTakeFirst();
        if (existing) return profileOf(existing);
        const row = await trx.insertInto('citizens').values({
          issuer: identity.issuer, subject: identity.subject, full_name: identity.fullName,
          id_number: idNumber ? keys.sealText(idNumber) : null, id_number_index: idNumber ? keys.blindIndex(idNumber) : null, birth_date: identity.birthDate ?? null,
          address: identity.address ?? null, phone: identity.phone ?? null, email: identity.email ?? null,
        }).returningAll().executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, { action: 'citizen.registered', entity: 'citizen', entityId: row.id, after: { issuer: identity.issuer } });
        return profileOf(row);
      });
    },

    /** The session behind a citizen cookie, if alive: not past its end and used within the idle limit. */
    async resolveSession(token: string): Promise<ResolvedCitizenSession | undefined> {
      const id = hashToken(token);
      const at = new Date();
      const session = await db.selectFrom('citizen_sessions').innerJoin('citizens', 'citizens.id', 'citizen_sessions.citizen_id')
        .select(['citizen_sessions.citizen_id', 'citizen_sessions.csrf_token', 'citizen_sessions.expires_at', 'citizen_sessions.last_seen_at', 'citizens.full_name'])
        .where('citizen_sessions.id', '=', id).executeTakeFirst();
      if (!session) return undefined;
      if (session.expires_at <= at || session.last_seen_at.getTime() + sessionIdleMinutes * 60_000 <= at.getTime()) {
        await db.deleteFrom('citizen_sessions').where('id', '=', id).execute();
        return undefined;
      }
      if (at.getTime() - session.last_seen_at.getTime() >= TOUCH_INTERVAL_MS) {
        await db.updateTable('citizen_sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
      }
      return { citizenId: session.citizen_id, fullName: session.full_name, csrfToken: session.csrf_token };
    },

    async signOut(ctx: RequestContext, token: string): Promise<void> {
      await inTransaction(db, async (trx) => {
        const gone = await trx.deleteFrom('citizen_sessions').where('id', '=', hashToken(token)).returning('citizen_id').executeTakeFirst();
        if (gone) await recordAudit(trx, ctx, { action: 'citizen.signed_out', entity: 'citizen', entityId: gone.citizen_id });
      });
    },

    /** A refused e-ID sign-in is kept in the audit log (who tried from where, and why), nobody signed in. */
    async recordRefusedSignIn(ctx: RequestContext, reason: string, detail: string | undefined, issuer: string | undefined): Promise<void> {
      await inTransaction(db, async (trx) => {
        await recordAudit(trx, ctx, { action: 'citizen.sign_in_refused', entity: 'citizen', entityId: null, after: { reason, issuer: issuer ?? null }, ...(detail ? { note: detail.slice(0, 500) } : {}) });
      });
    },

    async profile(citizenId: number): Promise<CitizenProfile> {
      const row = await db.selectFrom('citizens').selectAll().where('id', '=', citizenId).executeTakeFirst();
      if (!row) throw citizenNotSignedIn();
      return profileOf(row);
    },

    async updateContact(ctx: RequestContext, citizenId: number, input: ContactInput): Promise<CitizenProfile> {
      return inTransaction(db, async (trx) => {
        const before = await trx.selectFrom('citizens').selectAll().where('id', '=', citizenId).forUpdate().executeTakeFirst();
        if (!before) throw citizenNotSignedIn();
        if (before.version !== input.version) {
          throw new AppError('STALE_VERSION', 409, 'Thông tin đã được sửa ở nơi khác (có thể ở một thẻ trình duyệt khác). Hãy tải lại trang rồi sửa lại.',
            'Your details were changed elsewhere (perhaps in another tab). Reload and edit again.');
        }
        const row = await trx.updateTable('citizens').set({ phone: input.phone, email: input.email, address: input.address, updated_at: new Date(), version: before.version + 1 })
          .where('id', '=', citizenId).returningAll().executeTakeFirstOrThrow();
        await recordAudit(trx, ctx, {
          action: 'citizen.contact_updated', entity: 'citizen', entityId: citizenId,
          before: { phone: before.phone, email: before.email, address: before.address }, after: { phone: row.phone, email: row.email, address: row.address },
        });
        return profileOf(row);
      });
    },
  };
}

export type CitizenService = ReturnType<typeof createCitizenService>;
