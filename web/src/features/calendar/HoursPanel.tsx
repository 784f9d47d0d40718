import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Select, Skeleton, Switch, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../shared/api';
import { DATE_PATTERN, formatDate, formatDateTime, toIsoDate } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { applyFieldErrors } from '../../shared/ui/formErrors';
import { isStaleVersion, useStaleVersionNotice } from '../../shared/ui/staleVersion';
import { type Hours, useHours, useSetHours } from './api';
import { useCalendarT } from './messages';

interface Values {
  intervals: { start: string; end: string }[];
  saturdayWorking: boolean;
  effectiveFrom: Dayjs;
  tetDaysBefore: number;
  nationalDayAdjacent: 'before' | 'after';
  reason?: string;
}

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Office hours: each save appends a version that is in force from its date. */
export function HoursPanel() {
  const t = useCalendarT();
  const ts = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const hours = useHours();
  const save = useSetHours();
  const notifyStale = useStaleVersionNotice();
  const [form] = Form.useForm<Values>();
  const [banner, setBanner] = useState<string | null>(null);
  const [epoch, setEpoch] = useState(0);

  if (hours.isError) return <ErrorResult variant="inline" error={hours.error} onRetry={() => void hours.refetch()} />;
  if (!hours.data) return <Skeleton active />;
  const current = hours.data.current;
  const latest = hours.data.history[0]?.version ?? 0;

  const onFinish = async (v: Values) => {
    setBanner(null);
    try {
      const saved = await save.mutateAsync({
        version: latest, intervals: v.intervals, saturdayWorking: v.saturdayWorking, effectiveFrom: toIsoDate(v.effectiveFrom) ?? undefined,
        tetDaysBefore: v.tetDaysBefore, nationalDayAdjacent: v.nationalDayAdjacent, reason: v.reason?.trim() || null,
      });
      message.success(t('hours.saved', { version: saved.version }));
      form.resetFields(['reason']);
    } catch (error) {
      if (isStaleVersion(error)) return notifyStale(async () => { await hours.refetch(); setEpoch((n) => n + 1); });
      const unmatched = applyFieldErrors(form, error, locale);
      setBanner(unmatched[0] ?? errorMessage(error, locale));
    }
  };

  return (
    <>
      <Card title={t('hours.title')} size="small">
        {banner ? <Alert type="error" showIcon role="alert" title={banner} style={{ marginBottom: 16 }} /> : null}
        <Form<Values>
          key={`${current.version}:${epoch}`}
          form={form}
          layout="vertical"
          onFinish={onFinish}
          style={{ maxWidth: 560 }}
          initialValues={{
            intervals: current.intervals, saturdayWorking: current.saturdayWorking, effectiveFrom: dayjs(),
            tetDaysBefore: current.tetDaysBefore, nationalDayAdjacent: current.nationalDayAdjacent,
          }}
        >
          <Typography.Text strong>{t('hours.intervals')}</Typography.Text>
          <Form.List name="intervals">
            {(fields, { add, remove }) => (
              <div style={{ marginTop: 8 }}>
                {fields.map((field) => (
                  <div key={field.key} style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
                    {(['start', 'end'] as const).map((part) => (
                      <Form.Item key={part} name={[field.name, part]} style={{ flex: 1, marginBottom: 8 }} rules={[{ required: true, pattern: HH_MM, message: t('hours.format') }]}>
                        <Input placeholder="HH:mm" inputMode="numeric" aria-label={t(part === 'start' ? 'hours.start' : 'hours.end')} addonBefore={t(part === 'start' ? 'hours.start' : 'hours.end')} />
                      </Form.Item>
                    ))}
                    <Button icon={<DeleteOutlined />} aria-label={ts('action.close')} disabled={fields.length <= 1} onClick={() => remove(field.name)} />
                  </div>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ start: '', end: '' })} style={{ marginBottom: 16 }}>
                  {t('hours.addInterval')}
                </Button>
              </div>
            )}
          </Form.List>
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <Form.Item name="saturdayWorking" label={t('hours.saturday')} valuePropName="checked">
              <Switch />
            </Form.Item>
            <Form.Item name="effectiveFrom" label={t('hours.effectiveFrom')} rules={[{ required: true }]}>
              <DatePicker format={DATE_PATTERN} allowClear={false} />
            </Form.Item>
          </div>
          <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
            <Form.Item name="tetDaysBefore" label={t('hours.tetDaysBefore')}>
              <InputNumber min={0} max={4} precision={0} />
            </Form.Item>
            <Form.Item name="nationalDayAdjacent" label={t('hours.adjacent')} style={{ minWidth: 160 }}>
              <Select options={[{ value: 'before', label: t('hours.adjacent.before') }, { value: 'after', label: t('hours.adjacent.after') }]} />
            </Form.Item>
          </div>
          <Form.Item name="reason" label={t('hours.reason')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {ts('action.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('hours.history')} size="small" style={{ marginTop: 16 }}>
        <Table<Hours>
          size="small"
          rowKey="version"
          dataSource={hours.data.history}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: 'v', dataIndex: 'version', width: 50 },
            { title: t('hours.effectiveFrom'), dataIndex: 'effectiveFrom', render: (d: string) => formatDate(d) },
            { title: t('hours.intervals'), render: (_, h) => `${h.intervals.map((i) => `${i.start}–${i.end}`).join(', ')} (${t('hours.perDay', { hours: h.hoursPerDay })})` },
            { title: t('hours.saturday'), dataIndex: 'saturdayWorking', render: (v: boolean) => ts(v ? 'common.yes' : 'common.no') },
            { title: t('hours.reason'), dataIndex: 'reason', render: (r: string | null) => <span style={{ display: 'inline-block', maxWidth: 360, whiteSpace: 'normal' }}>{r ?? '—'}</span> },
            { title: '', render: (_, h) => <Typography.Text type="secondary">{formatDateTime(h.recordedAt)} · {h.recordedBy}</Typography.Text> },
          ]}
        />
      </Card>
    </>
  );
}
