import type { ColumnType, Generated } from 'kysely';
import type { RegistryExchangeTables } from './exchange.tables.js';
import type { RegistryFilesTables } from './files.tables.js';

/** Tables of migration 0036 (documents, registers, routing). `date` comes back as 'YYYY-MM-DD' text; jsonb is written as a JSON string. */
type DateOrNull = ColumnType<string | null, string | null | undefined, string | null>;
type Json<T> = ColumnType<T, string | undefined, string>;
type JsonOrNull<T> = ColumnType<T | null, string | null | undefined, string | null>;
type Details = ColumnType<Record<string, unknown>, string | undefined, never>;

export type Direction = 'out' | 'in';
export type DocumentStatus =
  | 'draft' | 'submitted' | 'approved' | 'released' | 'recalled' | 'cancelled'
  | 'arrived' | 'registered' | 'routed' | 'done' | 'returned';
export type Urgency = 'normal' | 'khan' | 'thuong_khan' | 'hoa_toc';
export type Confidentiality = 'normal' | 'mat' | 'toi_mat' | 'tuyet_mat';
export type SigningPrefix = 'TM' | 'Q' | 'KT' | 'TL' | 'TUQ';
export type Channel = 'paper' | 'electronic' | 'exchange';
/** A recipient of an outgoing document: a unit of the province (delivered through the exchange) or a name (outside, on paper or the national platform). */
export type Recipient = { unitId: number; name?: string } | { unitId?: undefined; name: string };

export interface RegSettingsTable {
  unit_id: number;
  symbol: string;
  place_name: string;
  managing_body: string | null;
  numbering: Generated<'per_type' | 'single'>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface RegCountersTable {
  unit_id: number;
  year: number;
  series: string;
  last_number: number;
}

export interface RegDocumentsTable {
  id: Generated<number>;
  unit_id: number;
  direction: Direction;
  status: DocumentStatus;
  doc_type: string;
  legal: Generated<boolean>;
  subject: string;
  body: string | null;
  number: number | null;
  symbol: string | null;
  series: string | null;
  issued_on: DateOrNull;
  issuer_name: string | null;
  signer_name: string | null;
  signer_title: string | null;
  signing_prefix: SigningPrefix | null;
  urgency: Generated<Urgency>;
  confidentiality: Generated<Confidentiality>;
  pages: number | null;
  copies: number | null;
  recipients: Json<Recipient[]>;
  drafting_unit_id: number | null;
  drafted_by_staff_id: number | null;
  approver_staff_id: number | null;
  approved_at: Date | null;
  released_at: Date | null;
  arrival_number: number | null;
  arrival_on: DateOrNull;
  channel: Channel | null;
  sender_unit_id: number | null;
  due_on: DateOrNull;
  instructions: string | null;
  routed_by_staff_id: number | null;
  routed_at: Date | null;
  done_at: Date | null;
  reply_document_id: number | null;
  file_key: string | null;
  file_sha256: string | null;
  note: string | null;
  source_kind: 'dossier' | null;
  source_ref: string | null;
  search_text: Generated<string>;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface RegAssignmentsTable {
  id: Generated<number>;
  document_id: number;
  role: 'lead' | 'coordinate';
  unit_id: number | null;
  staff_id: number | null;
  due_on: DateOrNull;
  instructions: string | null;
  status: Generated<'open' | 'reported' | 'cancelled'>;
  report: string | null;
  reported_at: Date | null;
  created_at: Generated<Date>;
}

/** What checking a PDF's signatures found (signature/verify.ts). */
export type SignatureCheck = {
  status: 'none' | 'valid' | 'invalid';
  signatures: { signer: string | null; organisation: string | null; signedAt: string | null; valid: boolean; coversWholeFile: boolean; problem: string | null }[];
};

export interface RegAttachmentsTable {
  id: Generated<number>;
  document_id: number;
  file_key: string;
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  main: Generated<boolean>;
  signatures: JsonOrNull<SignatureCheck>;
  added_by_staff_id: number | null;
  created_at: Generated<Date>;
}

export interface RegEventsTable {
  id: Generated<string>;
  document_id: number;
  at: Date;
  action: string;
  actor_staff_id: number | null;
  actor_name: string;
  note: string | null;
  details: Details;
}

export interface RegistryTables extends RegistryExchangeTables, RegistryFilesTables {
  reg_settings: RegSettingsTable;
  reg_counters: RegCountersTable;
  reg_documents: RegDocumentsTable;
  reg_assignments: RegAssignmentsTable;
  reg_attachments: RegAttachmentsTable;
  reg_events: RegEventsTable;
}
