import { Button, DatePicker, Flex, Form, Input } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { DATE_PATTERN } from '../../shared/format';
import { useT } from '../../shared/i18n';
import type { AuditFilters } from './api';
import { useAuditT } from './messages';

interface Values {
  action?: string;
  entity?: string;
  actor?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

const trimmed = (value?: string) => value?.trim() || undefined;

/** Picked days are Vietnamese calendar days, whatever the browser's own time zone. */
function dayStart(day: Dayjs | null | undefined): string | undefined {
  return day ? `${day.format('YYYY-MM-DD')}T00:00:00+07:00` : undefined;
}
function dayEnd(day: Dayjs | null | undefined): string | undefined {
  return day ? `${day.format('YYYY-MM-DD')}T23:59:59.999+07:00` : undefined;
}

export function AuditFilterBar({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const t = useAuditT();
  const ts = useT();
  const [form] = Form.useForm<Values>();
  const apply = (values: Values) =>
    onChange({
      action: trimmed(values.action),
      entity: trimmed(values.entity),
      actor: trimmed(values.actor),
      from: dayStart(values.period?.[0]),
      to: dayEnd(values.period?.[1]),
    });

  return (
    <Form<Values> form={form} name="audit-filter" layout="vertical" onFinish={apply}>
      <Flex gap={12} wrap align="flex-end">
        <Form.Item name="actor" label={t('filter.actor')} style={{ flex: '1 1 180px', marginBottom: 12 }}>
          <Input allowClear />
        </Form.Item>
        <Form.Item name="action" label={t('filter.action')} style={{ flex: '1 1 150px', marginBottom: 12 }}>
          <Input allowClear placeholder="unit.update" />
        </Form.Item>
        <Form.Item name="entity" label={t('filter.entity')} style={{ flex: '1 1 150px', marginBottom: 12 }}>
          <Input allowClear placeholder="staff" />
        </Form.Item>
        <Form.Item name="period" label={t('filter.period')} style={{ flex: '1 1 260px', marginBottom: 12 }}>
          <DatePicker.RangePicker
            format={DATE_PATTERN}
            placeholder={[ts('common.datePlaceholder'), ts('common.datePlaceholder')]}
            style={{ width: '100%' }}
            allowEmpty={[true, true]}
          />
        </Form.Item>
        <Flex gap={8} style={{ marginBottom: 12 }}>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
            {ts('action.filter')}
          </Button>
          <Button
            onClick={() => {
              form.resetFields();
              onChange({});
            }}
          >
            {ts('action.clear')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
