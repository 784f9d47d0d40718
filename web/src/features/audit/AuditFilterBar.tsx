import { Button, DatePicker, Flex, Form, Input, Select } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { normalizeForSearch } from '../../../../src/modules/catalog/rules/search';
import { DATE_PATTERN } from '../../shared/format';
import { useLocale, useT } from '../../shared/i18n';
import { type AuditFilters, useAuditVocabulary } from './api';
import { useAuditT } from './messages';

interface Values {
  action?: string;
  entity?: string;
  actor?: string;
  period?: [Dayjs | null, Dayjs | null] | null;
}

const trimmed = (value?: string) => value?.trim() || undefined;
/** Typing "dang nhap" finds "Đăng nhập". */
const matches = (input: string, option?: { label?: unknown }) => normalizeForSearch(String(option?.label ?? '')).includes(normalizeForSearch(input));

/** The API takes Vietnamese calendar days (YYYY-MM-DD) and reads them in Asia/Ho_Chi_Minh. */
const day = (value: Dayjs | null | undefined): string | undefined => (value ? value.format('YYYY-MM-DD') : undefined);

export function AuditFilterBar({ onChange }: { onChange: (filters: AuditFilters) => void }) {
  const t = useAuditT();
  const ts = useT();
  const locale = useLocale();
  const vocabulary = useAuditVocabulary();
  const [form] = Form.useForm<Values>();
  const apply = (values: Values) =>
    onChange({
      action: values.action || undefined,
      entity: values.entity || undefined,
      actor: trimmed(values.actor),
      from: day(values.period?.[0]),
      to: day(values.period?.[1]),
    });
  const byLabel = (a: { label: string }, b: { label: string }) => a.label.localeCompare(b.label, locale);
  const actions = (vocabulary.data?.actions ?? []).map((a) => ({ value: a.action, label: a.label[locale] })).sort(byLabel);
  const entities = (vocabulary.data?.entities ?? []).map((e) => ({ value: e.entity, label: e.label[locale] })).sort(byLabel);

  return (
    <Form<Values> form={form} name="audit-filter" layout="vertical" onFinish={apply}>
      <Flex gap={12} wrap align="flex-end">
        <Form.Item name="actor" label={t('filter.actor')} style={{ flex: '1 1 180px', marginBottom: 12 }}>
          <Input allowClear placeholder={t('filter.actorHint')} />
        </Form.Item>
        <Form.Item name="action" label={t('filter.action')} style={{ flex: '1 1 200px', marginBottom: 12 }}>
          <Select allowClear showSearch={{ filterOption: matches }} options={actions} loading={vocabulary.isPending} placeholder={t('filter.all')} />
        </Form.Item>
        <Form.Item name="entity" label={t('filter.entity')} style={{ flex: '1 1 170px', marginBottom: 12 }}>
          <Select allowClear showSearch={{ filterOption: matches }} options={entities} loading={vocabulary.isPending} placeholder={t('filter.all')} />
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
