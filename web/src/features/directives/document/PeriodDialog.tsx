import { useState } from 'react';
import { Alert, DatePicker, Form, InputNumber, Modal, Select } from 'antd';
import dayjs from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { errorMessage, isApiError } from '../../../shared/api';
import { DATE_PATTERN } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { PERIOD_KINDS, type PeriodKind, useCreatePeriod } from '../api';
import { useDirectiveT } from '../i18n';
import { periodPath } from '../paths';
// The period whose figures are being collected today is the one an official usually opens.
import { currentReportingPeriod } from '../../../../../src/modules/directives/rules/current-period';

interface Values { kind: PeriodKind; year: number; number?: number; dueOn?: string }

/** "Tạo kỳ báo cáo": a half-year, year, nine-month, quarter or month period of the document's reporting. */
export function PeriodDialog({ documentId, open, onClose }: { documentId: number; open: boolean; onClose: () => void }) {
  const t = useDirectiveT();
  const ts = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const create = useCreatePeriod(documentId);
  const [problem, setProblem] = useState<string | null>(null);
  // The half-year period is the first six months (reports/rules/periods.ts); only quarters and months are numbered.
  const numbered = kind === 'quarter' || kind === 'month';
  const send = async (v: Values) => {
    setProblem(null);
    try {
      const period = await create.mutateAsync({ kind: v.kind, year: v.year, number: numbered ? v.number ?? null : null, dueOn: v.dueOn ?? null });
      onClose();
      navigate(periodPath(period.id));
    } catch (error) {
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    }
  };
  const max = kind === 'quarter' ? 4 : 12;
  return (
    <Modal open={open} title={t('period.create')} okText={t('period.createOk')} cancelText={ts('action.cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: create.isPending }} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void send(v)} initialValues={{ ...currentReportingPeriod(dayjs().format('YYYY-MM-DD')), number: 1 }}>
        <Form.Item name="kind" label={t('period.kind')} rules={[{ required: true, message: t('required') }]}>
          <Select options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`periodKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="year" label={t('period.year')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={2000} max={2100} style={{ width: '100%' }} />
        </Form.Item>
        {numbered ? (
          <Form.Item name="number" label={kind === 'quarter' ? t('period.number.quarter') : t('period.number.month')} rules={[{ required: true, message: t('required') }]}>
            <InputNumber min={1} max={max} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
        <Form.Item name="dueOn" label={t('period.dueOn')} extra={t('period.dueOnHint')}
          getValueProps={(v?: string) => ({ value: v ? dayjs(v) : undefined })}
          normalize={(d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}>
          <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} />
        </Form.Item>
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}
