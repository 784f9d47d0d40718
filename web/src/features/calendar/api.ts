/**
 * The calendar module's HTTP API as the web app uses it (server: src/modules/calendar/schema.ts
 * and calendar.routes.ts). Public reads need no sign-in; changes need calendar.manage.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api';

export const DAY_KINDS = ['holiday', 'compensatory', 'swap_off', 'makeup_workday'] as const;
export type DayKind = (typeof DAY_KINDS)[number];
export type DaySource = 'default' | 'notice' | 'manual';
export const DEADLINE_UNITS = ['working_days', 'calendar_days', 'working_hours'] as const;
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number];

export interface Basis {
  document: string;
  /** YYYY-MM-DD */
  date: string;
}

export interface CalendarDay {
  date: string;
  kind: DayKind;
  name: string;
  basis: Basis | null;
  source: DaySource;
  reason?: string | null;
}

export interface PublicYear {
  year: number;
  version: number;
  stored: boolean;
  days: CalendarDay[];
  notices: { document: string; date: string; title: string; issuer: string | null }[];
}

export interface ExplanationEntry {
  date: string;
  kind: string;
  reason: string;
  hours?: number;
  days?: number;
  at?: string;
  name?: string;
  basis?: Basis | null;
  note: string;
}

export interface DeadlineResult {
  due: string;
  start: string;
  workingHoursPerDay: number;
  explanation: ExplanationEntry[];
}

export interface DeadlineQuery {
  from: string;
  amount: number;
  unit: DeadlineUnit;
  cutoff?: string;
}

export interface Interval {
  start: string;
  end: string;
}

export interface Hours {
  version: number;
  effectiveFrom: string;
  intervals: Interval[];
  saturdayWorking: boolean;
  tetDaysBefore: number;
  nationalDayAdjacent: 'before' | 'after';
  hoursPerDay: number;
  reason: string | null;
  recordedAt: string | null;
  recordedBy: string | null;
}

export interface NoticeDay {
  date: string;
  kind: DayKind;
  name: string;
  occasion?: string;
}

export interface Notice {
  id: number;
  document: string;
  date: string;
  title: string;
  issuer?: string;
  covers?: string[];
  days: NoticeDay[];
  removes?: string[];
  note?: string;
  recordedAt: string;
  recordedBy: string | null;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
}

export type ChangeKind = 'added' | 'removed' | 'replaced' | 'confirmed';

export interface YearChange {
  date: string;
  change: ChangeKind;
  before: { kind: DayKind; name: string } | null;
  after: CalendarDay | null;
  source: 'notice' | 'manual';
  basis: Basis | null;
  reason: string | null;
  note: string;
}

export interface AdminYear {
  year: number;
  version: number;
  stored: boolean;
  note: string | null;
  options: { tetDaysBefore: number; nationalDayAdjacent: 'before' | 'after'; saturdayWorking: boolean };
  days: CalendarDay[];
  changes: YearChange[];
  notices: Notice[];
  edits: { id: number; date: string; kind: DayKind | null; name: string | null; reason: string; recordedAt: string; recordedBy: string | null }[];
}

export interface NoticeInput {
  version: number;
  document: string;
  date: string;
  title: string;
  issuer?: string | null;
  covers?: string[];
  days: NoticeDay[];
  removes?: string[];
  note?: string | null;
  dryRun?: boolean;
}

export interface NoticeOutcome {
  recorded: boolean;
  noticeId: number | null;
  changes: { date: string; change: ChangeKind; note: string }[];
  year: AdminYear;
}

export interface DayEditInput {
  version: number;
  kind: DayKind | 'ordinary';
  name?: string | null;
  basis?: Basis | null;
  reason: string;
}

export interface HoursInput {
  version: number;
  intervals: Interval[];
  saturdayWorking: boolean;
  effectiveFrom?: string;
  tetDaysBefore?: number;
  nationalDayAdjacent?: 'before' | 'after';
  reason?: string | null;
}

export const calendarKeys = {
  all: ['calendar'] as const,
  year: (year: number) => ['calendar', 'year', year] as const,
  adminYear: (year: number) => ['calendar', 'admin-year', year] as const,
  hours: ['calendar', 'hours'] as const,
  deadline: (q: DeadlineQuery | null) => ['calendar', 'deadline', q] as const,
  lunar: (date: string | null) => ['calendar', 'lunar', date] as const,
};

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => api.get<PublicYear>(`/calendar/years/${year}`, undefined, signal),
  });
}

export function useHours() {
  return useQuery({
    queryKey: calendarKeys.hours,
    queryFn: ({ signal }) => api.get<{ current: Hours; history: Hours[] }>('/calendar/hours', undefined, signal),
  });
}

export function useDeadline(query: DeadlineQuery | null) {
  return useQuery({
    queryKey: calendarKeys.deadline(query),
    enabled: query !== null,
    queryFn: ({ signal }) => api.get<DeadlineResult>('/calendar/deadline', { ...query }, signal),
  });
}

export function useLunar(date: string | null) {
  return useQuery({
    queryKey: calendarKeys.lunar(date),
    enabled: date !== null,
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: ({ signal }) => api.get<{ day: number; month: number; year: number; leap: boolean }>('/calendar/lunar', { date }, signal),
  });
}

export function useAdminYear(year: number) {
  return useQuery({
    queryKey: calendarKeys.adminYear(year),
    queryFn: ({ signal }) => api.get<AdminYear>(`/calendar/admin/years/${year}`, undefined, signal),
  });
}

/** Every change invalidates the whole calendar cache: years, hours and computed deadlines. */
function useCalendarMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: calendarKeys.all }),
  });
}

export function useRecordNotice(year: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NoticeInput) => api.post<NoticeOutcome>(`/calendar/years/${year}/notices`, input),
    onSuccess: (outcome) => (outcome.recorded ? client.invalidateQueries({ queryKey: calendarKeys.all }) : undefined),
  });
}

export function useWithdrawNotice() {
  return useCalendarMutation((input: { id: number; version: number; reason: string }) =>
    api.post<AdminYear>(`/calendar/notices/${input.id}/withdraw`, { version: input.version, reason: input.reason }),
  );
}

export function useEditDay() {
  return useCalendarMutation(({ date, ...input }: DayEditInput & { date: string }) => api.put<AdminYear>(`/calendar/days/${date}`, input));
}

export function useYearNote(year: number) {
  return useCalendarMutation((input: { version: number; note: string | null }) => api.put<AdminYear>(`/calendar/years/${year}/note`, input));
}

export function useSetHours() {
  return useCalendarMutation((input: HoursInput) => api.put<Hours>('/calendar/hours', input));
}
