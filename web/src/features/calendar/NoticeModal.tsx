import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, List, Modal, Select, Tag, Typography } from 'antd';
import { DeleteOutlined, EyeOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../shared/api';
import { DATE_PATTERN, toIsoDate } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { applyFieldErrors } from '../../shared/ui/formErrors';
import { isStaleVersion } from '../../shared/ui/staleVersion';
import { DAY_KINDS, type DayKind, type NoticeInput, type NoticeOutcome, useRecordNotice } from './api';
import { type CalendarKey, useCalendarT } from './messages';
import { STATUS_KEY } from './YearGrid';

const OCCASIONS = ['new_year', 'tet', 'hung_kings', 'victory', 'labour', 'national_day'] as const;
export const CHANGE_COLOR = { added: 'green', removed: 'red', replaced: 'orange', confirmed: 'default' } as const;

interface Values {
  document: string;
  date: Dayjs;
  title: string;
  issuer?: string;
  covers?: string[];
  days?: { date: Dayjs; kind: DayKind; name: string; occasion?: string }[];
  removes?: { date: Dayjs }[];
  note?: string;
}

interface Props {
  year: number;
  version: number;
  onClose: () => void;
  onStale: () => void;
}

/** Records a year's official notice; "preview" asks the server what would change before anything is stored. */
export function NoticeModal({ year, version, onClose, onStale }: Props) {
  const t = useCalendarT();
  const ts = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const record = useRecordNotice(year);
  const [banner, setBanner] = useState<string | null>(null);
  const [preview, setPreview] = useState<NoticeOutcome['changes'] | null>(null);
  const inYear = (d: Dayjs) => d.year() !== year;

  const toInput = (v: Values, dryRun: boolean): NoticeInput => ({
    version, dryRun,
    document: v.document.trim(), date: toIsoDate(v.date) as string, title: v.title.trim(), issuer: v.issuer?.trim() || null,
    covers: v.covers ?? [],
    days: (v.days ?? []).map((d) => ({ date: toIsoDate(d.date) as string, kind: d.kind, name: d.name.trim(), ...(d.occasion ? { occasion: d.occasion } : {}) })),
    removes: (v.removes ?? []).map((r) => toIsoDate(r.date) as string),
    note: v.note?.trim() || null,
  });

  const submit = async (dryRun: boolean) => {
    setBanner(null);
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      const outcome = await record.mutateAsync(toInput(values, dryRun));
      if (dryRun) return setPreview(outcome.changes);
      message.success(t('notice.recorded', { document: values.document }));
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
      width={760}
      title={t('notice.title', { year })}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>{ts('action.cancel')}</Button>,
        <Button key="preview" icon={<EyeOutlined />} onClick={() => void submit(true)} loading={record.isPending}>{t('notice.preview')}</Button>,
        <Button key="ok" type="primary" onClick={() => void submit(false)} loading={record.isPending}>{t('notice.record')}</Button>,
      ]}
    >
      {banner ? <Alert type="error" showIcon role="alert" title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<Values> form={form} layout="vertical" initialValues={{ date: dayjs(), days: [{}] }} onValuesChange={() => setPreview(null)}>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Form.Item name="document" label={t('notice.document')} rules={[{ required: true, whitespace: true, max: 200 }]} style={{ flex: '2 1 240px' }}>
            <Input placeholder={t('notice.documentPlaceholder')} data-testid="notice-document" />
          </Form.Item>
          <Form.Item name="date" label={t('notice.date')} rules={[{ required: true }]} style={{ flex: '1 1 150px' }}>
            <DatePicker format={DATE_PATTERN} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="title" label={t('notice.subject')} rules={[{ required: true, whitespace: true, max: 500 }]}>
          <Input data-testid="notice-title" />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
          <Form.Item name="issuer" label={t('notice.issuer')} style={{ flex: '1 1 220px' }}>
            <Input />
          </Form.Item>
          <Form.Item name="covers" label={t('notice.covers')} tooltip={t('notice.coversHelp')} style={{ flex: '1 1 260px' }}>
            <Select mode="multiple" options={OCCASIONS.map((o) => ({ value: o, label: t(`occasion.${o}` as CalendarKey) }))} />
          </Form.Item>
        </div>
        <Typography.Text strong>{t('notice.days')}</Typography.Text>
        <Form.List name="days">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <div key={field.key} style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'flex-start' }}>
                  <Form.Item name={[field.name, 'date']} rules={[{ required: true, message: t('calc.required') }]} style={{ flex: '1 1 130px', marginBottom: 8 }}>
                    <DatePicker format={DATE_PATTERN} style={{ width: '100%' }} disabledDate={inYear} defaultPickerValue={dayjs(`${year}-01-01`)} aria-label={t('table.date')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} initialValue="holiday" style={{ flex: '1 1 140px', marginBottom: 8 }}>
                    <Select aria-label={t('edit.kind')} options={DAY_KINDS.map((k) => ({ value: k, label: t(STATUS_KEY[k]) }))} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('calc.required') }]} style={{ flex: '3 1 180px', marginBottom: 8 }}>
                    <Input placeholder={t('edit.name')} aria-label={t('edit.name')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'occasion']} style={{ flex: '1 1 130px', marginBottom: 8 }}>
                    <Select allowClear placeholder={t('notice.occasion')} aria-label={t('notice.occasion')} options={OCCASIONS.map((o) => ({ value: o, label: t(`occasion.${o}` as CalendarKey) }))} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={ts('action.close')} onClick={() => remove(field.name)} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'holiday' })} block style={{ marginBottom: 16 }}>
                {t('notice.addDay')}
              </Button>
            </div>
          )}
        </Form.List>
        <Typography.Text strong>{t('notice.removes')}</Typography.Text>
        <Form.List name="removes">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8, display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              {fields.map((field) => (
                <div key={field.key} style={{ display: 'flex', gap: 4 }}>
                  <Form.Item name={[field.name, 'date']} rules={[{ required: true, message: t('calc.required') }]} style={{ marginBottom: 8 }}>
                    <DatePicker format={DATE_PATTERN} disabledDate={inYear} defaultPickerValue={dayjs(`${year}-01-01`)} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={ts('action.close')} onClick={() => remove(field.name)} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
                {t('notice.addDay')}
              </Button>
            </div>
          )}
        </Form.List>
        <Form.Item name="note" label={t('notice.note')}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
      {preview ? (
        <div data-testid="notice-preview">
          <Typography.Title level={4} style={{ fontSize: 15 }}>{t('notice.changes')}</Typography.Title>
          {preview.length === 0 ? (
            <Typography.Text type="secondary">{t('notice.noChanges')}</Typography.Text>
          ) : (
            <List size="small" dataSource={preview} renderItem={(c) => (
              <List.Item>
                <span><Tag color={CHANGE_COLOR[c.change]}>{t(`admin.change.${c.change}`)}</Tag>{c.note}</span>
              </List.Item>
            )} />
          )}
        </div>
      ) : null}
    </Modal>
  );
}
