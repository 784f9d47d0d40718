import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Typography } from 'antd';
import dayjs from 'dayjs';
import { errorMessage, isApiError } from '../../../shared/api';
import { DATE_PATTERN } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { isStaleVersion, useStaleVersionNotice } from '../../../shared/ui/staleVersion';
import { type SetDetail, useIssueSet } from '../api-sets';
import { useParSetT } from '../i18n-sets';

interface Values { decisionNumber: string; decisionDate: string; decisionSigner: string }

/** "Ban hành": the decision that issues the set (number, date, signer). */
export function IssueDialog({ set, open, onClose, onStale }: { set: SetDetail; open: boolean; onClose: () => void; onStale: () => unknown }) {
  const t = useParSetT();
  const ts = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const stale = useStaleVersionNotice();
  const [form] = Form.useForm<Values>();
  const issue = useIssueSet(set.id);
  const [problem, setProblem] = useState<string | null>(null);
  const send = async (v: Values) => {
    setProblem(null);
    try {
      await issue.mutateAsync({ version: set.version, ...v });
      void message.success(t('issue.done'));
      onClose();
    } catch (error) {
      if (isStaleVersion(error)) { onClose(); stale(onStale); return; }
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    }
  };
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal open={open} title={t('issue.title')} okText={t('issue.ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: issue.isPending }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('issue.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void send(v)}
        initialValues={{ decisionNumber: set.decision?.number ?? '', decisionDate: set.decision?.date?.slice(0, 10) ?? undefined, decisionSigner: set.decision?.signer ?? '' }}>
        <Form.Item name="decisionNumber" label={t('issue.number')} rules={required}>
          <Input maxLength={60} placeholder="1234/QĐ-UBND" />
        </Form.Item>
        <Form.Item name="decisionDate" label={t('issue.date')} rules={required}
          getValueProps={(v?: string) => ({ value: v ? dayjs(v) : undefined })}
          normalize={(d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}>
          <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="decisionSigner" label={t('issue.signer')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}
