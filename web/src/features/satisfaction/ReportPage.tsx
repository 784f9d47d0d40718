import { useState } from 'react';
import { Alert, Card, DatePicker, Flex, Form, Segmented, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { GROUP_BY, type ResultRow } from '../../../../src/modules/satisfaction/schema';
import { errorMessage } from '../../shared/api';
import { DATE_PATTERN, formatNumber } from '../../shared/format';
import { useLocale } from '../../shared/i18n';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useUnits } from '../org/api';
import { UnitSelect } from '../org/UnitSelect';
import { presetPeriod } from '../register/periods';
import { type GroupBy, useResults } from './api';
import { useSatisfactionT } from './messages';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);

/** "Mức độ hài lòng": ratings per unit, official or procedure over a period, within the caller's reach. */
export default function ReportPage() {
  const t = useSatisfactionT();
  const locale = useLocale();
  const units = useUnits();
  const [initialFrom, initialTo] = presetPeriod('thisMonth');
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([initialFrom, initialTo]);
  const [unitId, setUnitId] = useState<string | undefined>();
  const [groupBy, setGroupBy] = useState<GroupBy>('unit');
  const results = useResults({ from: period[0].format('YYYY-MM-DD'), to: period[1].format('YYYY-MM-DD'), unitId, groupBy });
  const count = (n: number) => formatNumber(n);
  const columns = [
    { key: 'name', title: t(`groupBy.${groupBy}`), dataIndex: 'name' },
    { key: 'vs', title: t('col.very_satisfied'), align: 'right' as const, render: (r: ResultRow) => count(r.counts.very_satisfied) },
    { key: 's', title: t('col.satisfied'), align: 'right' as const, render: (r: ResultRow) => count(r.counts.satisfied) },
    { key: 'ns', title: t('col.not_satisfied'), align: 'right' as const, render: (r: ResultRow) => count(r.counts.not_satisfied) },
    { key: 'total', title: t('col.total'), align: 'right' as const, render: (r: ResultRow) => count(r.total) },
    { key: 'rate', title: t('col.rate'), align: 'right' as const, render: (r: ResultRow) => <strong>{percent(r.satisfiedRate)}</strong> },
  ];
  return (
    <>
      <PageHeader title={t('report.title')} subtitle={t('report.subtitle')} />
      <Card>
        <Form layout="vertical">
          <Flex gap={16} wrap>
            <Form.Item label={t('report.period')} style={{ flex: '1 1 260px' }}>
              <DatePicker.RangePicker
                format={DATE_PATTERN}
                value={period}
                allowClear={false}
                style={{ width: '100%' }}
                onChange={(v) => { if (v?.[0] && v[1]) setPeriod([v[0], v[1]]); }}
              />
            </Form.Item>
            <Form.Item label={t('report.unit')} style={{ flex: '1 1 260px' }}>
              <UnitSelect units={units.data ?? []} value={unitId ?? null} onChange={setUnitId} allowClear placeholder={t('report.allUnits')} />
            </Form.Item>
            <Form.Item label={t('report.groupBy')}>
              <Segmented<GroupBy> value={groupBy} onChange={setGroupBy} options={GROUP_BY.map((g) => ({ value: g, label: t(`groupBy.${g}`) }))} />
            </Form.Item>
          </Flex>
        </Form>
        {results.isError ? <Alert type="error" showIcon role="alert" title={errorMessage(results.error, locale)} style={{ marginBottom: 16 }} /> : null}
        <Table<ResultRow>
          rowKey="key"
          size="small"
          loading={results.isPending}
          columns={columns}
          dataSource={results.data?.rows ?? []}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: t('report.empty') }}
          summary={() => results.data && results.data.rows.length > 1 ? (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}><strong>{t('report.total')}</strong></Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">{count(results.data.total.counts.very_satisfied)}</Table.Summary.Cell>
              <Table.Summary.Cell index={2} align="right">{count(results.data.total.counts.satisfied)}</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{count(results.data.total.counts.not_satisfied)}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">{count(results.data.total.total)}</Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right"><strong>{percent(results.data.total.satisfiedRate)}</strong></Table.Summary.Cell>
            </Table.Summary.Row>
          ) : null}
        />
      </Card>
    </>
  );
}
