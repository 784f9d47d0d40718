import { useState } from 'react';
import { Alert, DatePicker, Form, type FormInstance } from 'antd';
import dayjs from 'dayjs';
import { errorMessage, isApiError } from '../../../shared/api';
import { DATE_PATTERN } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { isStaleVersion, useStaleVersionNotice } from '../../../shared/ui/staleVersion';

/**
 * Sending a dialog's form: field errors under their fields, any other refusal in the dialog, and a stale
 * version (someone saved first) closes it with the reload notice.
 */
export function useDialogSend(form: FormInstance, onClose: () => void, reload: () => unknown) {
  const locale = useLocale();
  const stale = useStaleVersionNotice();
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await action();
      onClose();
    } catch (error) {
      if (isStaleVersion(error)) { onClose(); stale(reload); return; }
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    }
  };
  return { problem, run };
}

export function Problem({ text }: { text: string | null }) {
  return text ? <Alert type="error" showIcon role="alert" title={text} /> : null;
}

/** A calendar date field kept as "YYYY-MM-DD" in the form, shown dd/mm/yyyy. */
export function DateField({ name, label, required }: { name: string; label: string; required?: string }) {
  const ts = useT();
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: required }] : undefined}
      getValueProps={(v?: string) => ({ value: v ? dayjs(v) : undefined })}
      normalize={(d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}>
      <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} aria-label={label} />
    </Form.Item>
  );
}

/** 94,49 — figures as the sheet and the published ranking show them (two decimals at most). */
export const fmtPoints = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toLocaleString('vi-VN', { maximumFractionDigits: 2 }));
