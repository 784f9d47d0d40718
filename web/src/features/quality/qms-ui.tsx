import { type ReactNode, useRef, useState } from 'react';
import { Alert, App, Card, DatePicker, Empty, Form, type FormInstance, Tag, Timeline, Typography } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import dayjs from 'dayjs';
import { errorMessage, isApiError } from '../../shared/api';
import { DATE_PATTERN, formatDate, formatDateTime } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { applyFieldErrors } from '../../shared/ui/formErrors';
import { useEventWords, useQualityT } from './i18n';
import type { Period, QmsEvent, Sync } from './types';
import './quality.css';

/**
 * Sending a form: field errors under their fields, any other refusal in the form's banner, and someone
 * else's change first (409 VERSION_CONFLICT) said in the server's words before the record is read again.
 * `run` answers whether the request went through; a second submit while one is on its way sends nothing.
 */
export function useQmsSubmit(form: FormInstance | null, reload?: () => unknown, close?: () => void) {
  const ts = useT();
  const locale = useLocale();
  const { modal } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  const run = async (send: () => Promise<unknown>): Promise<boolean> => {
    if (busy.current) return false;
    busy.current = true;
    setProblem(null);
    setPending(true);
    try {
      await send();
      return true;
    } catch (error) {
      if (isApiError(error) && (error.code === 'VERSION_CONFLICT' || error.code === 'STALE_VERSION')) {
        close?.();
        modal.warning({ title: ts('error.staleTitle'), content: errorMessage(error, locale), okText: ts('action.reload') });
        void reload?.();
        return false;
      }
      // Any other conflict (a draft already exists, the QMS was set up meanwhile): said in the form, the page read again.
      if (isApiError(error) && error.status === 409) void reload?.();
      const unmatched = form ? applyFieldErrors(form, error, locale) : [];
      setProblem(form && isApiError(error) && error.fields.length ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
      return false;
    } finally {
      busy.current = false;
      setPending(false);
    }
  };
  return { problem, pending, run, setProblem };
}

export function Problem({ text }: { text: string | null }) {
  return text ? <Alert type="error" showIcon role="alert" title={text} style={{ marginTop: 8 }} /> : null;
}

/** A card with an h2 heading: each part of a page. */
export function Section({ title, extra, children, testId }: { title: string; extra?: ReactNode; children: ReactNode; testId?: string }) {
  return (
    <Card size="small" className="mc-qms-card" data-testid={testId} extra={extra}
      title={<Typography.Title level={2} className="mc-qms-h2">{title}</Typography.Title>}>
      {children}
    </Card>
  );
}

/** An empty table's words in the theme's secondary text colour (the table's own placeholder grey is too pale). */
export function EmptyText({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

/** A calendar date kept as "YYYY-MM-DD" in the form (what the API takes), shown dd/mm/yyyy. */
export function DateField({ name, label, required, extra, notBefore, notAfter }: {
  name: NamePath; label: string; required?: string; extra?: ReactNode; notBefore?: string; notAfter?: string;
}) {
  const ts = useT();
  return (
    <Form.Item name={name} label={label} extra={extra} rules={required ? [{ required: true, message: required }] : undefined}
      getValueProps={(v?: string | null) => ({ value: v ? dayjs(v) : undefined })}
      normalize={(d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}>
      <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%', maxWidth: 220 }} aria-label={label}
        disabledDate={notBefore || notAfter ? (d) => (!!notBefore && d.format('YYYY-MM-DD') < notBefore) || (!!notAfter && d.format('YYYY-MM-DD') > notAfter) : undefined} />
    </Form.Item>
  );
}

/** "15/12/2025 – 14/12/2026" */
export const periodText = (p: Period) => `${formatDate(p.from)} – ${formatDate(p.to)}`;

const SYNC_COLOURS: Record<Sync['status'], string> = { current: 'green', out_of_date: 'orange', catalog_withdrawn: 'red' };

/**
 * Where a process document stands against the catalogue's internal process in force: a short tag, the
 * server's full sentence as its title (and in words beside it with `full`).
 */
export function SyncBadge({ sync, full }: { sync: Sync | null | undefined; full?: boolean }) {
  const t = useQualityT();
  if (!sync) return <Typography.Text type="secondary">—</Typography.Text>;
  const tag = <Tag color={SYNC_COLOURS[sync.status]} data-sync={sync.status} title={sync.label} className="mc-qms-tag">{t(`sync.${sync.status}`)}</Tag>;
  if (!full) return tag;
  return <span className="mc-qms-sync">{tag}<Typography.Text>{sync.label}</Typography.Text></span>;
}

/**
 * A record's history, newest first. Its words come from `event.<entity>.<action>` (else `event.<action>`)
 * in the quality dictionary; an event with no words there shows the server's action name.
 */
export function History({ events, entity }: { events: QmsEvent[]; entity?: string }) {
  const t = useQualityT();
  const describe = useEventWords(entity);
  if (!events.length) return <Empty description={t('history.empty')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const newestFirst = events.map((e, i) => ({ e, i })).sort((a, b) => b.e.at.localeCompare(a.e.at) || b.i - a.i);
  return (
    <Timeline data-testid="qms-history" items={newestFirst.map(({ e, i }) => {
      const { title, lines } = describe(e);
      return {
        key: e.id ?? i,
        content: (
          <div data-event={e.action}>
            <Typography.Text strong>{title}</Typography.Text>
            <div><Typography.Text type="secondary">{formatDateTime(e.at)} · {e.actorName}</Typography.Text></div>
            {lines.map((l, n) => <div key={n} className="mc-qms-text">{l}</div>)}
          </div>
        ),
      };
    })} />
  );
}
