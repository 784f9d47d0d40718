import { type ReactNode, useState } from 'react';
import { Alert, Button, DatePicker, Form, InputNumber, Select, TimePicker, Timeline, Typography } from 'antd';
import { CalculatorOutlined, CheckCircleOutlined, FlagOutlined, MinusCircleOutlined, PauseCircleOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { errorMessage } from '../../shared/api';
import { DATE_TIME_PATTERN, formatDate, formatDateTime } from '../../shared/format';
import { useLocale } from '../../shared/i18n';
import { applyFieldErrors } from '../../shared/ui/formErrors';
import { DEADLINE_UNITS, type DeadlineQuery, type DeadlineUnit, type ExplanationEntry, useDeadline } from './api';
import { vnInstant } from './dates';
import { weekdayName } from './DayDetails';
import { useCalendarT } from './messages';

interface Values {
  from: Dayjs;
  amount: number;
  unit: DeadlineUnit;
  cutoff?: Dayjs | null;
}

const ICONS: Record<string, { color: string; icon: ReactNode }> = {
  counted: { color: 'green', icon: <CheckCircleOutlined /> },
  skipped: { color: 'gray', icon: <MinusCircleOutlined /> },
  paused: { color: 'gray', icon: <PauseCircleOutlined /> },
  due: { color: 'red', icon: <FlagOutlined /> },
};

/**
 * The explanation lines come from the server in Vietnamese (the wording of the receipt slip);
 * in English a short rendering is built from the entry's fields.
 */
function lineOf(e: ExplanationEntry, locale: 'vi' | 'en'): string {
  if (locale === 'vi') return e.note;
  const day = `${weekdayName(e.date, 'en')} ${formatDate(e.date)}`;
  switch (e.kind) {
    case 'counted':
      return e.days ? `${day}: 1 calendar day counted.` : `${day}: ${e.hours} working hours counted.`;
    case 'skipped':
      return `${day}: not counted (${e.name ?? e.reason.replace('_', ' ')}${e.basis ? `, ${e.basis.document}` : ''}).`;
    case 'due':
      return `Result due at ${formatDateTime(e.at)}.`;
    default:
      return `${day}: ${e.note}`;
  }
}

/** The public "tính ngày hẹn" box: same engine and calendar as the one-stop desk. */
export function DeadlineCalculator() {
  const t = useCalendarT();
  const locale = useLocale();
  const [form] = Form.useForm<Values>();
  const [query, setQuery] = useState<DeadlineQuery | null>(null);
  const result = useDeadline(query);

  const onFinish = (v: Values) =>
    setQuery({ from: vnInstant(v.from), amount: v.amount, unit: v.unit, ...(v.cutoff ? { cutoff: v.cutoff.format('HH:mm') } : {}) });

  if (result.isError) applyFieldErrors(form, result.error, locale);

  return (
    <div data-testid="deadline-calculator">
      <Typography.Paragraph type="secondary">{t('calc.help')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ from: dayjs().hour(9).minute(0), amount: 3, unit: 'working_days' }}
        requiredMark={false}
      >
        <Form.Item name="from" label={t('calc.from')} rules={[{ required: true, message: t('calc.required') }]}>
          <DatePicker showTime={{ format: 'HH:mm', minuteStep: 5 }} format={DATE_TIME_PATTERN} style={{ width: '100%' }} allowClear={false} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 8 }}>
          <Form.Item name="amount" label={t('calc.amount')} style={{ flex: '0 0 96px' }} rules={[{ required: true, message: t('calc.required') }]}>
            <InputNumber min={0} max={3650} step={1} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="unit" label={t('calc.unit')} style={{ flex: 1, minWidth: 0 }}>
            <Select options={DEADLINE_UNITS.map((u) => ({ value: u, label: t(`calc.unit.${u}`) }))} />
          </Form.Item>
        </div>
        <Form.Item name="cutoff" label={t('calc.cutoff')} extra={t('calc.cutoffHelp')}>
          <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<CalculatorOutlined />} loading={result.isFetching} block>
          {t('calc.submit')}
        </Button>
      </Form>
      {result.isError ? <Alert style={{ marginTop: 16 }} type="error" showIcon title={errorMessage(result.error, locale)} /> : null}
      {result.data ? (
        <div style={{ marginTop: 20 }} aria-live="polite">
          <Typography.Text type="secondary">{t('calc.due')}</Typography.Text>
          <div className="mc-cal-due" data-testid="deadline-due">
            {formatDateTime(result.data.due)} · {weekdayName(result.data.due.slice(0, 10), locale)}
          </div>
          <Typography.Title level={4} style={{ fontSize: 15, marginTop: 16 }}>
            {t('calc.explanation')}
          </Typography.Title>
          <Timeline
            items={result.data.explanation.map((e, i) => ({
              key: i,
              color: ICONS[e.kind]?.color ?? 'blue',
              icon: ICONS[e.kind]?.icon,
              content: <span style={e.kind === 'due' ? { fontWeight: 600 } : undefined}>{lineOf(e, locale)}</span>,
            }))}
          />
        </div>
      ) : null}
    </div>
  );
}
