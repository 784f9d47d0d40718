import { useState } from 'react';
import { Alert, App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../shared/api';
import { DATE_PATTERN, formatDate, toIsoDate } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { applyFieldErrors } from '../../shared/ui/formErrors';
import { isStaleVersion } from '../../shared/ui/staleVersion';
import { DAY_KINDS, type CalendarDay, type DayKind, useEditDay } from './api';
import { DayDetails } from './DayDetails';
import { useCalendarT } from './messages';
import { STATUS_KEY } from './YearGrid';

interface Values {
  kind: DayKind | 'ordinary';
  name?: string;
  basisDocument?: string;
  basisDate?: Dayjs | null;
  reason: string;
}

interface Props {
  date: string;
  entry: CalendarDay | undefined;
  version: number;
  saturdayWorking: boolean;
  onClose: () => void;
  onStale: () => void;
}

/** Edits one day of the province calendar; the reason is required and kept with the day. */
export function DayEditModal({ date, entry, version, saturdayWorking, onClose, onStale }: Props) {
  const t = useCalendarT();
  const ts = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const edit = useEditDay();
  const [banner, setBanner] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);

  const onFinish = async (v: Values) => {
    setBanner(null);
    const basis = v.basisDocument?.trim() && v.basisDate ? { document: v.basisDocument.trim(), date: toIsoDate(v.basisDate) as string } : null;
    try {
      await edit.mutateAsync({ date, version, kind: v.kind, name: v.kind === 'ordinary' ? null : v.name?.trim(), basis, reason: v.reason.trim() });
      message.success(t('edit.saved', { date: formatDate(date) }));
      onClose();
    } catch (error) {
      if (isStaleVersion(error)) return onStale();
      const unmatched = applyFieldErrors(form, error, locale);
      setBanner(unmatched[0] ?? errorMessage(error, locale));
    }
  };

  return (
    <Modal
      open
      title={t('edit.title', { date: formatDate(date) })}
      okText={ts('action.save')}
      cancelText={ts('action.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: edit.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      <div style={{ background: '#fafafa', borderRadius: 6, padding: 12, marginBottom: 16 }}>
        <DayDetails date={date} entry={entry} saturdayWorking={saturdayWorking} locale={locale} />
      </div>
      {banner ? <Alert type="error" showIcon role="alert" title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: entry?.kind ?? 'holiday', name: entry?.name }}
      >
        <Form.Item name="kind" label={t('edit.kind')} rules={[{ required: true }]}>
          <Select
            options={[
              ...DAY_KINDS.map((k) => ({ value: k, label: t(STATUS_KEY[k]) })),
              { value: 'ordinary', label: t('edit.kind.ordinary') },
            ]}
          />
        </Form.Item>
        {kind !== 'ordinary' ? (
          <Form.Item name="name" label={t('edit.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input data-testid="day-name" />
          </Form.Item>
        ) : null}
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Form.Item name="basisDocument" label={t('edit.basisDocument')} style={{ flex: '2 1 220px' }}>
            <Input placeholder={t('notice.documentPlaceholder')} />
          </Form.Item>
          <Form.Item
            name="basisDate"
            label={t('edit.basisDate')}
            style={{ flex: '1 1 140px' }}
            dependencies={['basisDocument']}
            rules={[({ getFieldValue }) => ({ required: Boolean(getFieldValue('basisDocument')?.trim()) })]}
          >
            <DatePicker format={DATE_PATTERN} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="reason" label={t('edit.reason')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
          <Input.TextArea rows={2} data-testid="day-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
