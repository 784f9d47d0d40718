import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed', 'uncertain', 'not_sent'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
/** What an administrator may send again (the service's own rule; the button only mirrors it). */
export const RETRYABLE: readonly OutboxStatus[] = ['failed', 'uncertain', 'not_sent'];

/** One outbox message with its delivery state (GET /admin/outbox). */
export interface OutboxMessage {
  id: string;
  channel: 'email' | 'sms';
  recipient: string;
  recipientName: string | null;
  subject: string | null;
  body: string;
  templateKey: string | null;
  reference: string | null;
  status: OutboxStatus;
  statusLabel: { vi: string; en: string };
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  provider: string | null;
  providerMessageId: string | null;
  createdAt: string;
  sentAt: string | null;
}

export interface OutboxFilters {
  status?: OutboxStatus;
  reference?: string;
}

/** A message template as stored: the shipped default or the province's edit of it. */
export interface MessageTemplate {
  key: string;
  description: string;
  variables: string[];
  subject: string;
  body: string;
  sms: string | null;
  version: number;
  edited: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface TemplateInput {
  subject: string;
  body: string;
  sms: string | null;
  version: number;
}

const keys = {
  all: ['outbox'] as const,
  list: (f: OutboxFilters) => ['outbox', 'list', f] as const,
  counts: ['outbox', 'counts'] as const,
  templates: ['message-templates'] as const,
};

export function useOutbox(filters: OutboxFilters) {
  return useInfiniteQuery({
    queryKey: keys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: OutboxMessage[]; nextCursor: string | null }>('/admin/outbox', { ...filters, cursor: pageParam, limit: 50 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOutboxCounts() {
  return useQuery({
    queryKey: keys.counts,
    queryFn: ({ signal }) => api.get<{ counts: Record<OutboxStatus, number> }>('/admin/outbox/counts', undefined, signal),
    select: (body) => body.counts,
  });
}

export function useRetry() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<OutboxMessage>(`/admin/outbox/${id}/retry`),
    onSettled: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useTemplates(enabled: boolean) {
  return useQuery({
    queryKey: keys.templates,
    queryFn: ({ signal }) => api.get<{ items: MessageTemplate[] }>('/admin/message-templates', undefined, signal),
    select: (body) => body.items,
    enabled,
  });
}

export function useSaveTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ key, input }: { key: string; input: TemplateInput }) => api.put<MessageTemplate>(`/admin/message-templates/${key}`, input),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.templates }),
  });
}
