import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string, string>;
export type Texts = { vi: string; en: string };

export interface FeedbackCategoriesTable {
  code: string;
  name: Json<Texts>;
  description: Json<Texts>;
  deadline_days: number;
  coordination_deadline_days: number | null;
  conduct: Generated<boolean>;
  active: Generated<boolean>;
  sort_order: Generated<number>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface FeedbackSettingsTable {
  key: 'receiving_unit_id' | 'conduct_oversight_unit_id';
  value: Json<unknown>;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export interface FeedbackCodeCountersTable {
  day: string;
  last: number;
}

export type FeedbackStatus = 'received' | 'in_progress' | 'awaiting_approval' | 'answered' | 'published' | 'rejected' | 'withdrawn';
export type FeedbackChannel = 'portal' | 'citizen' | 'desk' | 'phone' | 'letter' | 'email' | 'api';

export interface FeedbackItemsTable {
  id: Generated<number>;
  code: string;
  secret: string;
  category_code: string;
  about: Json<Record<string, unknown>>;
  title: string;
  content: string;
  submitter: Json<Record<string, unknown>>;
  consent_to_publish: boolean;
  channel: FeedbackChannel;
  app_name: string | null;
  citizen_id: number | null;
  status: FeedbackStatus;
  unit_id: number;
  conduct: Generated<boolean>;
  conduct_unit_id: number | null;
  about_staff_id: number | null;
  assignee_id: number | null;
  coordination: Generated<boolean>;
  received_at: Date;
  due_at: Date | null;
  draft_answer: string | null;
  answer: string | null;
  answered_at: Date | null;
  answered_by: string | null;
  reject_reason: string | null;
  published_title: string | null;
  published_question: string | null;
  published_answer: string | null;
  published_at: Date | null;
  version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface FeedbackEventsTable {
  id: Generated<string>;
  feedback_id: number;
  at: Date;
  action: string;
  actor_staff_id: number | null;
  actor_name: string;
  unit_id: number | null;
  note: string | null;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
}

export interface FeedbackAttachmentsTable {
  id: Generated<string>;
  feedback_id: number;
  file_key: string;
  name: string;
  type: string;
  size: number;
  added_at: Date;
}

export interface FeedbackTables {
  feedback_categories: FeedbackCategoriesTable;
  feedback_settings: FeedbackSettingsTable;
  feedback_code_counters: FeedbackCodeCountersTable;
  feedback_items: FeedbackItemsTable;
  feedback_events: FeedbackEventsTable;
  feedback_attachments: FeedbackAttachmentsTable;
}
