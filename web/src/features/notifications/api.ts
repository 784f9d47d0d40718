import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';

/** An in-app notification of the signed-in staff member (GET /notifications/mine). */
export interface StaffNotification {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** The dossier code it is about, when it is about one. */
  reference: string | null;
  /** Where it leads in the staff workspace, e.g. /can-bo/ho-so/H30…. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

interface MinePage {
  items: StaffNotification[];
  unreadCount: number;
  nextCursor: string | null;
}

const keys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
};

/** The bell's number; polled, since reminders arrive from a background job. */
export function useUnreadCount() {
  return useQuery({
    queryKey: keys.unread,
    queryFn: ({ signal }) => api.get<MinePage>('/notifications/mine', { unread: 'true', limit: 1 }, signal),
    select: (page) => page.unreadCount,
    refetchInterval: 60_000,
    staleTime: 15_000,
  });
}

export function useMyNotifications(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: keys.list(unreadOnly),
    queryFn: ({ pageParam, signal }) =>
      api.get<MinePage>('/notifications/mine', { unread: unreadOnly ? 'true' : undefined, cursor: pageParam, limit: 30 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ id: string; readAt: string }>(`/notifications/${id}/read`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useMarkAllRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number; unreadCount: number }>('/notifications/read-all'),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}

export const NOTIFICATIONS_PATH = '/can-bo/thong-bao';
