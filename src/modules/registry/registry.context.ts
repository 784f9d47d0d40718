import { can, requireActor, type Actor } from '../../platform/access/policy.js';
export { agencyOf, worksAt } from '../../platform/access/agency.js';
import type { Db, Tx } from '../../platform/db/transaction.js';
import { errors } from '../../platform/http/app-error.js';
import type { RequestContext } from '../../platform/http/context.js';
import type { FileStore } from '../../platform/files/file-store.js';
import type { OrgService } from '../org/org.service.js';
import type { RegDocumentsTable } from './registry.tables.js';
import type { DossiersPort } from './from-dossier.js';
import type { ExchangeTransport } from './transport/exchange-transport.js';
import type { Selectable } from 'kysely';

/** A calendar day, 'YYYY-MM-DD'. */
export type IsoDay = string;
export type IsWorkingDay = (day: IsoDay) => boolean;
export type DocumentRow = Selectable<RegDocumentsTable>;

/** What every part of the registry service needs; wired in src/app.ts. */
export type RegistryDeps = {
  db: Db;
  org: Pick<OrgService, 'allUnits' | 'subtrees' | 'staffNamesByIds'>;
  files: FileStore;
  now: () => Date;
  /** The province calendar's working days (modules/calendar), read afresh for each request. */
  workingDays: () => Promise<IsWorkingDay>;
  /** Records of other modules that point at a document (issue 19 scope 5), as the caller may see them. */
  links?: {
    directives(ctx: RequestContext, documentId: number): Promise<{ id: number; number: string; subject: string; status: string }[]>;
  };
  /** A dossier as the officer may read it (modules/dossiers decides), for its result issued as a document. */
  dossiers?: DossiersPort;
  /** How documents reach addressees outside the province (transport/); none: they are sent on paper. */
  exchangeTransport?: ExchangeTransport | null;
};

/**
 * What one part of the service tells another inside the same transaction: the exchange delivers a
 * released document to the units it is addressed to, and sends the reception receipt when the
 * addressee's records office registers it. Given by registry.service.ts; a part never imports another.
 */
export type ExchangeHooks = {
  /** Called in the release transaction, after the document got its number: deliver it to its addressees. */
  onReleased(trx: Tx, doc: DocumentRow, ctx: RequestContext): Promise<void>;
  /** Called in the registration transaction of an incoming document (any channel). */
  onRegistered(trx: Tx, doc: DocumentRow, ctx: RequestContext): Promise<void>;
};

export const actorOf = (ctx: RequestContext): Actor => requireActor(ctx.actor);

/** The Vietnamese calendar day of an instant (Asia/Ho_Chi_Minh, UTC+7, no daylight saving). */
export const vnDay = (at: Date): IsoDay => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
export const todayOf = (deps: Pick<RegistryDeps, 'now'>): IsoDay => vnDay(deps.now());

export const documentNotFound = () => errors.notFound('văn bản', 'document');

/** A field-level 400 in both languages, the shape every validation error has. */
export const invalid = (path: string, vi: string, en: string) => errors.validation([{ path, message: vi, messageEn: en }]);

/** Refused because the record moved on since the caller read it. */
export const staleVersion = () => errors.conflict('VERSION_CONFLICT', 'Văn bản đã được người khác cập nhật. Hãy tải lại trang rồi thao tác lại.', 'The document was changed by someone else; reload and try again.');

/** The people and units a document's access depends on besides the grants at its agency. */
export type DocumentParties = { staffIds: ReadonlySet<number>; unitIds: ReadonlySet<number> };

/**
 * Who may read a document (RULES.md "Who sees what"): `document.read` at its agency, unless it is
 * confidential — then only the agency's leadership (`document.sign`) and records office
 * (`document.register`); and always its drafter, approver and handlers (a handling unit's readers too).
 */
export function mayRead(actor: Actor, doc: Pick<DocumentRow, 'unit_id' | 'confidentiality' | 'drafted_by_staff_id' | 'approver_staff_id'>, parties: DocumentParties): boolean {
  if (doc.drafted_by_staff_id === actor.staffId || doc.approver_staff_id === actor.staffId || parties.staffIds.has(actor.staffId)) return true;
  if (doc.confidentiality !== 'normal') return can(actor, 'document.sign', doc.unit_id) || can(actor, 'document.register', doc.unit_id);
  if (can(actor, 'document.read', doc.unit_id)) return true;
  for (const unitId of parties.unitIds) if (can(actor, 'document.read', unitId)) return true;
  return false;
}

