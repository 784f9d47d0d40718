import { type ReactNode, useRef, useState } from 'react';
import { Alert, App, Button, Card, Form, type FormInstance, Input, Modal, Result, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import type { NamePath } from 'antd/es/form/interface';
import { Link } from 'react-router-dom';
import { errorMessage, isApiError } from '../../shared/api';
import { useLocale, useT } from '../../shared/i18n';
import { useFormsT } from './i18n-forms';
import type { Recommendation } from './types';
import './forms.css';

/** This Vietnamese calendar year (the pages open on it whatever the browser's time zone). */
export const thisYear = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
/** Years the filters offer: one ahead, four back. */
export const yearChoices = (around: number = thisYear()) => [around + 1, around, around - 1, around - 2, around - 3, around - 4];

/**
 * Sending a page's form: each field error under its field (`fieldOf` turns the API's path into the form's
 * name, or null when the form has no such field: then it goes to the banner), any other refusal in the
 * banner, and someone else's save first (409 VERSION_CONFLICT) said in the server's words before the
 * record is read again. `run` answers the result, or undefined when the request did not go through.
 */
export function usePageSubmit(form: FormInstance | null, reload: () => unknown, fieldOf?: (path: string[]) => NamePath | null) {
  const t = useFormsT();
  const ts = useT();
  const locale = useLocale();
  const { modal } = App.useApp();
  const [problem, setProblem] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const busy = useRef(false);
  const run = async <R,>(send: () => Promise<R>, close?: () => void): Promise<R | undefined> => {
    if (busy.current) return undefined;
    busy.current = true;
    setProblem(null);
    setPending(true);
    try {
      return await send();
    } catch (error) {
      if (isApiError(error) && (error.code === 'VERSION_CONFLICT' || error.code === 'STALE_VERSION')) {
        close?.();
        modal.warning({ title: ts('error.staleTitle'), content: errorMessage(error, locale), okText: ts('action.reload'), onOk: () => void reload() });
        return undefined;
      }
      if (!isApiError(error) || !error.fields.length || !form) {
        setProblem(errorMessage(error, locale));
        return undefined;
      }
      const unmatched: string[] = [];
      const updates: { name: NamePath; errors: string[] }[] = [];
      for (const field of error.fields) {
        const path = field.path.split('.').filter((s) => s !== 'body');
        const name = fieldOf ? fieldOf(path) : path;
        const text = error.fieldMessageIn(field, locale);
        if (name === null) unmatched.push(text);
        else updates.push({ name, errors: [text] });
      }
      form.setFields(updates);
      if (updates.length) form.scrollToField(updates[0]!.name, { block: 'center' });
      // The banner says what is wrong in words: the fields' own messages, the first few of them.
      const all = [...unmatched, ...updates.map((u) => u.errors[0]!)];
      setProblem(all.length > 3 ? `${all.slice(0, 3).join(' ')} ${t('common.moreErrors', { n: all.length - 3 })}` : all.join(' '));
      return undefined;
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
    <Card size="small" className="mc-pr-card" data-testid={testId} extra={extra}
      title={<Typography.Title level={2} className="mc-prf-h2">{title}</Typography.Title>}>
      {children}
    </Card>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <Typography.Text type="secondary">{children}</Typography.Text>;
}

export function BackLink({ to, label }: { to: string; label: string }) {
  return <Link to={to}><Button icon={<ArrowLeftOutlined aria-hidden />}>{label}</Button></Link>;
}

/** "Not found" for a record page, with the way back. */
export function NotFound({ title, back, backLabel }: { title: string; back: string; backLabel: string }) {
  const t = useFormsT();
  return <Result status="404" title={title} subTitle={t('common.notFound')} extra={<BackLink to={back} label={backLabel} />} />;
}

export function useRecommendationLabel() {
  const t = useFormsT();
  return (r: Recommendation | null) => (r ? t(`rec.${r}`) : t('rec.none'));
}

/**
 * An action with a note (approve, return, reject): the note is required where the rules say so
 * (returning, rejecting). The dialog closes when the action went through; a refusal stays in it.
 */
export function NoteDialog({ title, okText, noteRequired, hint, danger, onClose, reload, send }: {
  title: string; okText: string; noteRequired: boolean; hint?: string; danger?: boolean;
  onClose: () => void; reload: () => unknown; send: (note: string | undefined) => Promise<unknown>;
}) {
  const t = useFormsT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const submit = usePageSubmit(form, reload, (path) => (path[path.length - 1] === 'note' ? ['note'] : null));
  const finish = async (v: { note?: string }) => {
    const done = await submit.run(async () => { await send(v.note?.trim() || undefined); return true; }, onClose);
    if (done) {
      void message.success(t('common.done'));
      onClose();
    }
  };
  return (
    <Modal open title={title} okText={okText} cancelText={ts('action.cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: submit.pending, danger }} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
        {hint ? <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph> : null}
        <Form.Item name="note" label={noteRequired ? t('action.noteRequired') : t('action.note')}
          rules={noteRequired ? [{ required: true, whitespace: true, message: t('common.required') }] : undefined}>
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Problem text={submit.problem} />
      </Form>
    </Modal>
  );
}
