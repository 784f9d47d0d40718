import type { z } from 'zod';
import type { recallBody, returnBody } from '../../../../src/modules/registry/exchange.schema';
import type { disposalAction, disposalCreateBody, fileAction, fileCreateBody, fileListAction } from '../../../../src/modules/registry/files.schema';
import type { incomingAction, incomingCreateBody } from '../../../../src/modules/registry/incoming.schema';
import type { outgoingAction, outgoingCreateBody } from '../../../../src/modules/registry/outgoing.schema';
import type { settingsBody } from '../../../../src/modules/registry/schema';

/**
 * What the registry API answers (src/modules/registry/API.md, `documentView` in document-view.ts).
 * Written out here rather than imported: the server's view type pulls in the database layer.
 */
export type Direction = 'out' | 'in';
export const OUT_STATUSES = ['draft', 'submitted', 'approved', 'released', 'recalled', 'cancelled'] as const;
export const IN_STATUSES = ['arrived', 'registered', 'routed', 'done', 'returned', 'recalled'] as const;
export type DocStatus = (typeof OUT_STATUSES)[number] | (typeof IN_STATUSES)[number];
export const URGENCIES = ['normal', 'khan', 'thuong_khan', 'hoa_toc'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const CONFIDENTIALITIES = ['normal', 'mat', 'toi_mat', 'tuyet_mat'] as const;
export type Confidentiality = (typeof CONFIDENTIALITIES)[number];
export const SIGNING_PREFIXES = ['TM', 'Q', 'KT', 'TL', 'TUQ'] as const;
export type SigningPrefix = (typeof SIGNING_PREFIXES)[number];
export type Channel = 'paper' | 'electronic' | 'exchange';

export interface Person { id: number; fullName: string }
export interface Recipient { unitId: number | null; name: string }

export interface DocumentItem {
  id: number;
  unitId: number;
  unitName: string;
  direction: Direction;
  status: DocStatus;
  statusLabel: string;
  docType: string;
  docTypeName: string;
  legal: boolean;
  subject: string;
  number: number | null;
  symbol: string | null;
  issuedOn: string | null;
  issuerName: string | null;
  signerName: string | null;
  signerTitle: string | null;
  signingPrefix: SigningPrefix | null;
  urgency: Urgency;
  urgencyLabel: string;
  confidentiality: Confidentiality;
  confidentialityLabel: string;
  pages: number | null;
  copies: number | null;
  recipients: Recipient[];
  draftingUnitId: number | null;
  draftingUnitName: string | null;
  draftedBy: Person | null;
  approver: Person | null;
  approvedAt: string | null;
  releasedAt: string | null;
  arrivalNumber: number | null;
  arrivalOn: string | null;
  channel: Channel | null;
  senderUnitId: number | null;
  senderUnitName: string | null;
  dueOn: string | null;
  overdue: boolean;
  instructions: string | null;
  routedBy: Person | null;
  routedAt: string | null;
  doneAt: string | null;
  replyDocumentId: number | null;
  hasFile: boolean;
  fileSha256: string | null;
  note: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Assignment {
  id: number;
  role: 'lead' | 'coordinate';
  unitId: number | null;
  unitName: string | null;
  staff: Person | null;
  dueOn: string | null;
  overdue: boolean;
  instructions: string | null;
  status: 'open' | 'reported' | 'cancelled';
  report: string | null;
  reportedAt: string | null;
}

export interface SignatureInfo { signer: string | null; organisation: string | null; signedAt: string | null; valid: boolean; coversWholeFile: boolean; problem: string | null }
export interface SignatureCheck { status: 'none' | 'valid' | 'invalid'; signatures: SignatureInfo[] }

export interface Attachment { id: number; fileName: string; mime: string; size: number; sha256: string; main: boolean; signatures: SignatureCheck | null; createdAt: string }
export interface DocEvent { id: number; at: string; action: string; actorName: string; note: string | null; details: Record<string, unknown> }

export interface DocumentDetail extends DocumentItem {
  body: string | null;
  /** Issue 19 scope 5: the dossier it issues the result of; steering documents registered from it. */
  source: { kind: 'dossier'; ref: string } | null;
  directives: { id: number; number: string; subject: string; status: string }[];
  assignments: Assignment[];
  attachments: Attachment[];
  events: DocEvent[];
  allowedActions: string[];
}

export interface Page { items: DocumentItem[]; nextBefore: number | null }

export interface DocType { code: string; name: string; abbreviation: string | null; legal: boolean }

export interface Agency {
  unitId: number;
  unitName: string;
  symbol: string;
  placeName: string;
  managingBody: string | null;
  numbering: 'per_type' | 'single';
  version: number;
  may: { read: boolean; draft: boolean; sign: boolean; register: boolean; configure: boolean };
}

export interface Delivery {
  id: number;
  toUnitId: number | null;
  toName: string;
  transport: string;
  status: 'pending' | 'delivered' | 'received' | 'returned' | 'recalled' | 'failed';
  statusLabel: string;
  deliveredAt: string | null;
  receivedAt: string | null;
  returnedAt: string | null;
  recalledAt: string | null;
  failedAt: string | null;
  reason: string | null;
  incomingDocumentId: number | null;
}

export interface ListFilter {
  direction?: Direction;
  unitId?: number;
  status?: DocStatus;
  q?: string;
  year?: number;
  overdue?: boolean;
  mine?: boolean;
}

/** Request bodies typed from the server's zod schemas (type-only imports: nothing of the server is bundled). */
export type OutgoingBody = z.input<typeof outgoingCreateBody>;
export type OutgoingActionBody = z.input<typeof outgoingAction>;
export type IncomingBody = z.input<typeof incomingCreateBody>;
export type IncomingActionBody = z.input<typeof incomingAction>;
export type RecallBody = z.input<typeof recallBody>;
export type ReturnBody = z.input<typeof returnBody>;
export type SettingsBody = z.input<typeof settingsBody>;
/** An action on a document: `{action, version, ...}`; the exchange's recall and return go to their own address without `action`. */
export type ActionBody = OutgoingActionBody | IncomingActionBody | ({ action: 'recall' | 'return' } & RecallBody);

/** Files and retention (API.md "Files and retention"; files.view.ts). */
export type FileStatus = 'open' | 'closed' | 'handed_over' | 'disposed' | 'removed';
export interface FileView {
  id: number;
  unitId: number;
  unitName: string;
  year: number;
  code: string;
  fileCode: { organId: string | null; year: number; notation: string };
  title: string;
  heading: string | null;
  retention: 'permanent' | number;
  retentionLabel: string;
  responsible: Person | null;
  responsibleUnitId: number | null;
  responsibleUnitName: string | null;
  status: FileStatus;
  statusLabel: string;
  addedAfterApproval: boolean;
  documentCount: number;
  pageCount: number;
  startDate: string | null;
  endDate: string | null;
  handedOverOn: string | null;
  handoverDueOn: string | null;
  handoverOverdue: boolean;
  handoverDueSoon: boolean;
  keptUntil: string | null;
  keepReason: string | null;
  retentionExpiresOn: string | null;
  retentionExpired: boolean;
  disposable: boolean;
  disposalId: number | null;
  note: string | null;
  version: number;
}
export interface FileListView { id: number; year: number; status: 'draft' | 'approved'; statusLabel: string; decisionNo: string | null; decisionDate: string | null; approvedBy: Person | null; version: number }
export interface FilesAnswer { unitId: number; unitName: string; year: number | null; list: FileListView | null; counts: { total: number; permanent: number; limited: number }; files: FileView[]; may: { manage: boolean; approve: boolean } }
export interface FileDocLine {
  ordinal: number; documentId: number; direction: Direction; readable: boolean; docTypeName: string; symbol: string | null; issuedOn: string | null;
  arrivalNumber: number | null; arrivalOn: string | null; workDay: string | null; issuerName: string | null; subject: string | null; pages: number | null; filedAt: string; filedBy: Person | null;
}
export interface FileDetail extends FileView { list: FileListView | null; documents: FileDocLine[]; events: DocEvent[]; allowedActions: string[] }
export interface Disposal {
  id: number; unitId: number; unitName: string; title: string; status: 'draft' | 'approved' | 'cancelled'; statusLabel: string; decisionNo: string | null; decisionDate: string | null;
  approvedBy: Person | null; cancelReason: string | null; note: string | null; fileCount: number; version: number; createdBy: Person | null; createdAt: string;
}
export interface DisposalDetail extends Disposal { files: FileView[]; events: DocEvent[]; allowedActions: string[] }

export type FileCreateBody = z.input<typeof fileCreateBody>;
export type FileActionBody = z.input<typeof fileAction>;
export type FileListActionBody = z.input<typeof fileListAction>;
export type DisposalCreateBody = z.input<typeof disposalCreateBody>;
export type DisposalActionBody = z.input<typeof disposalAction>;
