import { type ReactNode, useRef, useState } from 'react';
import { Alert, DatePicker, Empty, Form, type FormInstance, Tag, Timeline, Tooltip, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import dayjs from 'dayjs';
import { errorMessage, isApiError } from '../../shared/api';
import { DATE_PATTERN, formatDate, formatDateTime } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { applyFieldErrors } from '../../shared/ui/formErrors';
import { isStaleVersion, useStaleVersionNotice } from '../../shared/ui/staleVersion';
import type { ClockState } from './api-cases';
import { useInspectionT } from './i18n';
import { daysBetween, todayInVietnam } from './paths';

/**
 * Sending a form: field errors under their fields, any other refusal above the buttons, and a stale
 * version (someone saved the case first): the dialog closes (`close`) and the notice offers to read the
 * case again (`reload`). `run` answers whether the action went through.
 */
export function useSend(form: FormInstance | null, reload: () => unknown, close?: () => void) {
  const locale = useLocale();
  const stale = useStaleVersionNotice();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Enter in a field submits the form too: a second submit while the first is on its way sends nothing.
  const busy = useRef(false);
  const run = async (action: () => Promise<unknown>): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setProblem(null);
    setPending(true);
    try {
      await action();
      return true;
    } catch (error) {
      if (isStaleVersion(error)) { close?.(); void reload(); stale(reload); return false; }
      // Any other conflict (the case moved on: accepted, decided, deferred meanwhile) is said in the form, and
      // the page behind it is read again so that its state and actions are the current ones.
      if (isApiError(error) && error.status === 409) void reload();
      const unmatched = form ? [...applyFieldErrors(form, error, locale), ...unshown(form, error, locale)] : [];
      setProblem(form && isApiError(error) && error.fields.length ? (unmatched.length ? [...new Set(unmatched)].join(' ') : null) : errorMessage(error, locale));
      return false;
    } finally {
      busy.current = false;
      setPending(false);
    }
  };
  return { problem, pending, run };
}

/**
 * Field errors the form could not show: a path under a known field that has no input of its own (a list
 * as a whole, a value the form keeps without a field). They go to the banner rather than vanish.
 */
function unshown(form: FormInstance, error: unknown, locale: 'vi' | 'en'): string[] {
  if (!isApiError(error)) return [];
  return error.fields.filter((f) => {
    const name = f.path.split('.').filter((x) => x !== 'body').map((x) => (/^\d+$/.test(x) ? Number(x) : x));
    return form.getFieldError(name).length === 0 && form.getFieldError([name[0]!]).length === 0;
  }).map((f) => error.fieldMessageIn(f, locale));
}

export function Problem({ text }: { text: string | null }) {
  return text ? <Alert type="error" showIcon role="alert" title={text} style={{ marginBottom: 12 }} /> : null;
}

/** A calendar date kept as "YYYY-MM-DD" in the form (what the API takes), shown dd/mm/yyyy. */
export function DateField({ name, label, required, extra }: { name: NamePath; label: string; required?: string; extra?: ReactNode }) {
  const ts = useT();
  return (
    <Form.Item name={name} label={label} extra={extra} rules={required ? [{ required: true, message: required }] : undefined}
      getValueProps={(v?: string | null) => ({ value: v ? dayjs(v) : undefined })}
      normalize={(d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}>
      <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} aria-label={label} />
    </Form.Item>
  );
}

/** How urgent a clock is on `today`: overdue (red), at most three days left (orange), running, or done. */
export type Urgency = 'overdue' | 'soon' | 'running' | 'done' | 'late';
export function urgencyOf(c: { dueOn: string | null; state: ClockState }, today: string): Urgency {
  if (c.state === 'done_in_time') return 'done';
  if (c.state === 'done_late') return 'late';
  if (c.state === 'overdue') return 'overdue';
  return c.dueOn && daysBetween(today, c.dueOn) <= 3 ? 'soon' : 'running';
}
const URGENCY_COLOR: Record<Urgency, string> = { overdue: 'red', soon: 'orange', running: 'blue', done: 'green', late: 'volcano' };

/**
 * A statutory clock in a few words: its due day and how far it is (left, today, late), or when it was
 * done. The colour says the urgency; the words say it too, for those who do not see the colour.
 */
export function ClockTag({ clock, label }: { clock: { dueOn: string | null; doneOn: string | null; state: ClockState }; label?: string }) {
  const t = useInspectionT();
  const today = todayInVietnam();
  const urgency = urgencyOf(clock, today);
  let text: string;
  if (!clock.dueOn) text = t('clock.noLimit');
  else if (clock.doneOn) text = `${t(`clock.state.${clock.state}`)} · ${t('clock.doneOn', { date: formatDate(clock.doneOn) })}`;
  else {
    const left = daysBetween(today, clock.dueOn);
    const how = left > 0 ? t('clock.left', { n: left }) : left === 0 ? t('clock.today') : t('clock.late', { n: -left });
    text = `${t('clock.due', { date: formatDate(clock.dueOn) })} (${how})`;
  }
  return (
    <Tag color={URGENCY_COLOR[urgency]} data-urgency={urgency} className="mc-insp-clock" title={label}
      aria-label={label ? t('clock.aria', { label, state: t(`clock.state.${clock.state}`), due: text }) : undefined}>
      {text}
    </Tag>
  );
}

/** A note that the rule set the clock was counted with is not yet confirmed (the 1/7/2026 amendment). */
export function Unverified({ from }: { from: string }) {
  const t = useInspectionT();
  return (
    <Tooltip title={t('clock.unverified', { date: formatDate(from) })}>
      <Typography.Text type="warning" className="mc-insp-unverified" tabIndex={0} aria-label={t('clock.unverified', { date: formatDate(from) })}>*</Typography.Text>
    </Tooltip>
  );
}

export interface HistoryEntry { id: number; at: string; actorName: string; title: string; lines: string[] }

/** A case's history, newest first. */
export function History({ entries }: { entries: HistoryEntry[] }) {
  const t = useInspectionT();
  if (!entries.length) return <Empty description={t('history.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline items={[...entries].reverse().map((e) => ({
      key: e.id,
      children: (
        <div>
          <Typography.Text strong>{e.title}</Typography.Text>{' '}
          <Typography.Text type="secondary">{t('history.by', { at: formatDateTime(e.at), name: e.actorName })}</Typography.Text>
          {e.lines.filter(Boolean).map((l, i) => <div key={i} className="mc-insp-text">{l}</div>)}
        </div>
      ),
    }))} />
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}
