import type { Insertable, Updateable } from 'kysely';
import { ROLE_PERMISSIONS, ROLES } from '../../platform/access/policy.js';
import type { Db, Tx } from '../../platform/db/transaction.js';
import type { DocumentRow, IsoDay } from './registry.context.js';
import type { RegDocumentsTable } from './registry.tables.js';

/** SQL of the outgoing part (issue 19 scope 1); what the parts share is registry.repository.ts. */

export async function insertDocument(trx: Tx, values: Insertable<RegDocumentsTable>): Promise<number> {
  return (await trx.insertInto('reg_documents').values(values).returning('id').executeTakeFirstOrThrow()).id;
}

/** Changes a document read at `version`; undefined when someone changed it since (the caller answers 409). */
export async function updateDocument(trx: Tx, id: number, version: number, values: Updateable<RegDocumentsTable>, at: Date): Promise<DocumentRow | undefined> {
  return trx.updateTable('reg_documents').set({ ...values, version: version + 1, updated_at: at })
    .where('id', '=', id).where('version', '=', version).returningAll().executeTakeFirst();
}

/** The signed PDF the records office attached as the document itself, if any (kept instead of a rendered copy). */
export async function mainAttachment(db: Db, documentId: number) {
  return db.selectFrom('reg_attachments').select(['file_key', 'sha256', 'file_name']).where('document_id', '=', documentId).where('main', '=', true)
    .where('mime', '=', 'application/pdf').orderBy('id', 'desc').executeTakeFirst();
}

const SIGNING_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('document.sign'));

/**
 * Whether a person may sign for an agency: an active staff member holding a role with `document.sign`
 * at the agency or at a unit above it (a grant covers its unit's subtree). No service of the org or
 * access modules answers this for someone other than the caller, so the grants are read here, the same
 * table `platform/access/grants.ts` reads; `agencyAndAncestors` comes from the org tree.
 */
export async function maySign(db: Db, staffId: number, agencyAndAncestors: number[]): Promise<boolean> {
  if (agencyAndAncestors.length === 0) return false;
  const row = await db.selectFrom('access_grants as g').innerJoin('org_staff as s', 's.id', 'g.staff_id').select('g.id')
    .where('g.staff_id', '=', staffId).where('s.active', '=', true).where('g.role', 'in', SIGNING_ROLES).where('g.unit_id', 'in', agencyAndAncestors)
    .limit(1).executeTakeFirst();
  return row !== undefined;
}

/** An agency's released (and later recalled) documents dated within the period, in the order they were numbered. */
export async function releasedBetween(db: Db, unitId: number, from: IsoDay, to: IsoDay, limit: number): Promise<DocumentRow[]> {
  return db.selectFrom('reg_documents').selectAll().where('unit_id', '=', unitId).where('direction', '=', 'out')
    .where('status', 'in', ['released', 'recalled']).where('issued_on', '>=', from).where('issued_on', '<=', to)
    .orderBy('issued_on').orderBy('released_at').orderBy('id').limit(limit).execute();
}
