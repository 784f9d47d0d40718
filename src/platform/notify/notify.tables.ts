import type { Generated } from 'kysely';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'uncertain' | 'not_sent';
export type OutboxChannel = 'email' | 'sms';

export interface OutboxMessagesTable {
  id: Generated<string>;
  dedupe_key: string;
  channel: OutboxChannel;
  recipient: string;
  recipient_name: string | null;
  subject: string | null;
  body: string;
  template_key: string | null;
  reference: string | null;
  unit_ids: number[];
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: Date;
  locked_until: Date | null;
  claimed_by: string | null;
  last_error: string | null;
  provider: string | null;
  provider_message_id: string | null;
  created_at: Date;
  sent_at: Date | null;
  updated_at: Generated<Date>;
}

export interface StaffNotificationsTable {
  id: Generated<string>;
  staff_id: number;
  dedupe_key: string;
  kind: string;
  title: string;
  body: string;
  reference: string | null;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

export interface MessageTemplatesTable {
  key: string;
  subject: string;
  body: string;
  sms: string | null;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface NotifyTables {
  outbox_messages: OutboxMessagesTable;
  staff_notifications: StaffNotificationsTable;
  message_templates: MessageTemplatesTable;
}
