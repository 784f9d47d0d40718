/**
 * Internal process (quy trình nội bộ) against the statutory time limit.
 *
 * The provincial publishing decisions allot each step of the internal process a time budget, and the
 * budgets must account for the whole time the law gives the agency (DOMAIN §5; Decree 118/2025 and
 * the provincial regulations implementing it). Budgets are compared in working hours, with
 * 1 working day = 8 working hours (DOMAIN §3.1).
 *
 * Calendar-day limits ("ngày", e.g. 15 days for a house building permit) cannot be converted exactly:
 * how many working days fit in N calendar days depends on weekends and holidays in that window. We
 * require the budgets not to exceed the working days that *every* N-day window contains when there
 * is no holiday — 5 per whole week plus the remainder less a weekend — so a dossier that keeps to its
 * step budgets meets the statutory date whatever weekday it arrived on. Holidays are left to the
 * statutory clock of the dossier, which the calendar module computes from the real calendar.
 */
import {
  CHANNEL_LABELS,
  TIME_UNIT_LABELS,
  type ChannelKind,
  type ChannelTime,
  type InternalProcess,
  type ProcessingTime,
  type StepBudget,
  type SubCase,
} from '../schema.js';

export const HOURS_PER_WORKING_DAY = 8;

export type ProcessProblemCode =
  | 'MISSING_PROCESS'
  | 'UNKNOWN_CHANNEL'
  | 'OVERLAPPING_PROCESSES'
  | 'STEP_ORDER'
  | 'BUDGET_MISMATCH'
  | 'BUDGET_EXCEEDS_CALENDAR_LIMIT';

export interface ProcessProblem {
  code: ProcessProblemCode;
  message: string;
  /** Where to point in the admin form, relative to the procedure. */
  path: (string | number)[];
  caseCode?: string;
  channels?: ChannelKind[];
  budgetHours?: number;
  limitHours?: number;
}

/** What the rule needs of a procedure; parsed records and drafts both fit. */
export interface ProcessSubject {
  channels: readonly ChannelTime[];
  cases?: readonly Pick<SubCase, 'code' | 'name' | 'channels' | 'internalProcesses'>[];
  internalProcesses?: readonly InternalProcess[];
}

export function budgetHours(budget: StepBudget): number {
  return budget.unit === 'working_days' ? budget.amount * HOURS_PER_WORKING_DAY : budget.amount;
}

export function processHours(process: InternalProcess): number {
  return process.steps.reduce((sum, s) => sum + budgetHours(s.budget), 0);
}

/** Working hours of a limit, or undefined for calendar days (which have no fixed equivalent). */
export function limitHours(time: ProcessingTime): number | undefined {
  if (time.unit === 'working_days') return time.amount * HOURS_PER_WORKING_DAY;
  if (time.unit === 'working_hours') return time.amount;
  return undefined;
}

/** Working days contained in any window of `calendarDays` consecutive days without holidays. */
export function guaranteedWorkingDays(calendarDays: number): number {
  const weeks = Math.floor(calendarDays / 7);
  return weeks * 5 + Math.max(0, (calendarDays % 7) - 2);
}

export function formatProcessingTime(time: ProcessingTime): string {
  const base = `${time.amount} ${TIME_UNIT_LABELS[time.unit]}`;
  return time.cutoff === undefined ? base : `${base} (tiếp nhận sau ${time.cutoff} tính từ ngày làm việc tiếp theo)`;
}

/** The time limit that applies to a channel, after the sub-case's own times. */
export function resolveProcessingTime(
  subject: ProcessSubject,
  channel: ChannelKind,
  caseCode?: string,
): ProcessingTime | undefined {
  const own = findCase(subject, caseCode)?.channels?.find((c) => c.kind === channel);
  return own?.time ?? subject.channels.find((c) => c.kind === channel)?.time;
}

/**
 * The internal process a dossier follows: the sub-case's own processes when it has any, else the
 * procedure's; within a list, the one naming the channel, else the one without a channel list.
 */
export function resolveInternalProcess(
  subject: ProcessSubject,
  channel: ChannelKind,
  caseCode?: string,
): InternalProcess | undefined {
  const own = findCase(subject, caseCode)?.internalProcesses;
  const list = own !== undefined && own.length > 0 ? own : (subject.internalProcesses ?? []);
  return list.find((p) => p.channels?.includes(channel)) ?? list.find((p) => p.channels === undefined);
}

function findCase(subject: ProcessSubject, caseCode: string | undefined) {
  return caseCode === undefined ? undefined : subject.cases?.find((c) => c.code === caseCode);
}

/** Every problem of the internal processes of a procedure; an empty list means it may be saved. */
export function validateInternalProcess(subject: ProcessSubject): ProcessProblem[] {
  const problems: ProcessProblem[] = [];
  const offered = subject.channels.map((c) => c.kind);
  const baseList = subject.internalProcesses ?? [];

  problems.push(...checkList(baseList, offered, ['internalProcesses'], undefined));
  problems.push(...checkBudgets(subject, undefined, offered));

  (subject.cases ?? []).forEach((c, i) => {
    const ownList = c.internalProcesses ?? [];
    if (ownList.length > 0) {
      problems.push(...checkList(ownList, offered, ['cases', i, 'internalProcesses'], c.code));
    }
    // A case with neither its own time nor its own process runs exactly as the procedure does.
    if (ownList.length > 0 || (c.channels?.length ?? 0) > 0) {
      problems.push(...checkBudgets(subject, c.code, offered));
    }
  });
  return problems;
}

function checkList(
  list: readonly InternalProcess[],
  offered: readonly ChannelKind[],
  basePath: (string | number)[],
  caseCode: string | undefined,
): ProcessProblem[] {
  const problems: ProcessProblem[] = [];
  const where = scopeLabel(caseCode, undefined);
  const claimed = new Map<ChannelKind | 'default', number>();

  list.forEach((process, p) => {
    const path = [...basePath, p];
    for (const key of process.channels ?? ['default' as const]) {
      if (key !== 'default' && !offered.includes(key)) {
        problems.push({
          code: 'UNKNOWN_CHANNEL',
          message: `${where}: thủ tục không có cách thức nộp ${CHANNEL_LABELS[key]} nhưng quy trình lại áp dụng cho cách thức này.`,
          path: [...path, 'channels'],
          ...(caseCode === undefined ? {} : { caseCode }),
          channels: [key],
        });
      }
      const previous = claimed.get(key);
      if (previous !== undefined) {
        const what = key === 'default' ? 'không giới hạn cách thức' : `áp dụng cho cách thức ${CHANNEL_LABELS[key]}`;
        problems.push({
          code: 'OVERLAPPING_PROCESSES',
          message: `${where}: quy trình thứ ${previous + 1} và thứ ${p + 1} cùng ${what}; mỗi cách thức chỉ được có một quy trình.`,
          path: [...path, 'channels'],
          ...(caseCode === undefined ? {} : { caseCode }),
        });
      } else {
        claimed.set(key, p);
      }
    }
    const orders = process.steps.map((s) => s.order);
    if (orders.some((o, i) => o !== i + 1)) {
      problems.push({
        code: 'STEP_ORDER',
        message: `${where}: thứ tự các bước phải liên tục từ 1 đến ${orders.length} (hiện là ${orders.join(', ')}).`,
        path: [...path, 'steps'],
        ...(caseCode === undefined ? {} : { caseCode }),
      });
    }
  });
  return problems;
}

function checkBudgets(
  subject: ProcessSubject,
  caseCode: string | undefined,
  offered: readonly ChannelKind[],
): ProcessProblem[] {
  const problems: ProcessProblem[] = [];
  const caseIndex = caseCode === undefined ? -1 : (subject.cases ?? []).findIndex((c) => c.code === caseCode);
  const ownList = caseIndex >= 0 ? (subject.cases?.[caseIndex]?.internalProcesses ?? []) : [];
  const list = ownList.length > 0 ? ownList : (subject.internalProcesses ?? []);
  const listPath: (string | number)[] =
    ownList.length > 0 ? ['cases', caseIndex, 'internalProcesses'] : ['internalProcesses'];

  // One message per (process, time limit), listing every channel it concerns.
  const groups = new Map<string, { process: InternalProcess; index: number; time: ProcessingTime; channels: ChannelKind[] }>();
  const missing: ChannelKind[] = [];
  for (const channel of offered) {
    const process = resolveInternalProcess(subject, channel, caseCode);
    const time = resolveProcessingTime(subject, channel, caseCode);
    if (time === undefined) continue;
    if (process === undefined) {
      missing.push(channel);
      continue;
    }
    const index = list.indexOf(process);
    const key = `${index}|${time.amount}|${time.unit}`;
    const group = groups.get(key) ?? { process, index, time, channels: [] };
    group.channels.push(channel);
    groups.set(key, group);
  }

  const extra = caseCode === undefined ? {} : { caseCode };
  if (missing.length > 0) {
    problems.push({
      code: 'MISSING_PROCESS',
      message: `${scopeLabel(caseCode, missing)}: chưa có quy trình nội bộ.`,
      path: listPath,
      channels: missing,
      ...extra,
    });
  }

  for (const { process, index, time, channels } of groups.values()) {
    const total = processHours(process);
    const where = scopeLabel(caseCode, channels);
    const path = [...listPath, index, 'steps'];
    const limit = limitHours(time);
    if (limit !== undefined) {
      if (total !== limit) {
        const gap = Math.abs(total - limit);
        problems.push({
          code: 'BUDGET_MISMATCH',
          message:
            `Tổng thời gian các bước (${total} giờ làm việc) khác thời hạn giải quyết ` +
            `(${time.amount} ${TIME_UNIT_LABELS[time.unit]}${time.unit === 'working_days' ? ` = ${limit} giờ` : ''}): ` +
            `${total > limit ? 'thừa' : 'thiếu'} ${gap} giờ — ${where}.`,
          path,
          channels,
          budgetHours: total,
          limitHours: limit,
          ...extra,
        });
      }
    } else {
      const days = guaranteedWorkingDays(time.amount);
      const cap = days * HOURS_PER_WORKING_DAY;
      if (total > cap) {
        problems.push({
          code: 'BUDGET_EXCEEDS_CALENDAR_LIMIT',
          message:
            `Tổng thời gian các bước (${total} giờ làm việc) vượt số ngày làm việc chắc chắn có trong thời hạn ` +
            `${time.amount} ngày (${days} ngày làm việc = ${cap} giờ) — ${where}.`,
          path,
          channels,
          budgetHours: total,
          limitHours: cap,
          ...extra,
        });
      }
    }
  }
  return problems;
}

function scopeLabel(caseCode: string | undefined, channels: readonly ChannelKind[] | undefined): string {
  const parts = ['Quy trình nội bộ'];
  if (caseCode !== undefined) parts.push(`trường hợp "${caseCode}"`);
  if (channels !== undefined && channels.length > 0) {
    parts.push(`cách thức ${channels.map((c) => CHANNEL_LABELS[c]).join(', ')}`);
  }
  return parts.join(', ');
}
