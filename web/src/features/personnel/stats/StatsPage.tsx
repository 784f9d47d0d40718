import { useMemo } from 'react';
import { Button, Card, Col, DatePicker, Flex, Row, Table, Typography } from 'antd';
import type { ColumnsType, ColumnType } from 'antd/es/table';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import type { StaffingRow } from '../../../../../src/modules/personnel/rules/staffing-stats';
import { DATE_PATTERN, formatDate } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { Chart } from '../../../shared/ui/Chart';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type StaffingCounts, statsXlsxUrl, useStats } from '../api-evaluations';
import { useEvaluationT, usePersonnelT } from '../i18n';
import { idParam } from '../paths';
import { PersonnelNav } from '../PersonnelNav';
import { UnitSelect } from '../ui';
import { type Dim, STATS_COLUMNS, dimKeys } from './columns';
import '../personnel.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `/can-bo/nhan-su/thong-ke`: the number and quality of civil servants on a day, per unit and in total,
 * in the columns of the legacy BM01 form the XLSX reproduces (rules/staffing-stats.ts); two charts of the
 * total beside it. Every dimension sums to the headcount, so the charts add up.
 */
export default function StatsPage() {
  const t = useEvaluationT();
  const tp = usePersonnelT();
  const ts = useT();
  const [params, setParams] = useSearchParams();
  const unitId = idParam(params.get('unitId') ?? undefined);
  const day = DAY.test(params.get('day') ?? '') ? params.get('day') : null;
  const stats = useStats(unitId, day);
  const data = stats.data;
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    setParams(next, { replace: true });
  };
  const label = (dim: Dim, key: string) => t(`dim.${dim}.${key}` as 'dim.sex.male');

  const columns = useMemo(() => {
    const figure = (c: (typeof STATS_COLUMNS)[number]): ColumnType<StaffingRow> => ({
      key: `${c.dim}.${c.key}`, title: c.alone ? t(c.alone) : label(c.dim, c.key), width: 84, align: 'right',
      render: (_: unknown, r: StaffingRow) => c.value(r.counts),
    });
    const out: ColumnsType<StaffingRow> = [{ key: 'unit', title: t('stats.col.unit'), dataIndex: 'unitName', fixed: 'left', width: 220 }];
    for (const c of STATS_COLUMNS) {
      if (!c.group) { out.push(figure(c)); continue; }
      const last = out[out.length - 1] as { key?: string; children?: ColumnsType<StaffingRow> };
      if (last.key === `group.${c.group}`) last.children!.push(figure(c));
      else out.push({ key: `group.${c.group}`, title: t(`stats.group.${c.group}` as 'stats.group.sex'), children: [figure(c)] });
    }
    return out;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t]);

  const chart = (dim: Dim, counts: StaffingCounts | undefined) => dimKeys(dim).map((k) => ({ name: label(dim, k), value: (counts?.[dim] as Record<string, number> | undefined)?.[k] ?? 0 }));
  const ageOption = useMemo(() => {
    const items = chart('age', data?.total);
    return { grid: { left: 48, right: 16, top: 24, bottom: 48 }, tooltip: { trigger: 'axis' }, xAxis: { type: 'category', data: items.map((i) => i.name), axisLabel: { interval: 0 } }, yAxis: { type: 'value', minInterval: 1 }, series: [{ type: 'bar', name: t('chart.people'), data: items.map((i) => i.value) }] };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, t]);
  const gradeOption = useMemo(() => ({
    tooltip: { trigger: 'item' }, legend: { bottom: 0, type: 'scroll' },
    series: [{ type: 'pie', name: t('stats.group.grade'), radius: ['35%', '65%'], center: ['50%', '45%'], data: chart('grade', data?.total).filter((i) => i.value > 0), label: { formatter: '{d}%' } }],
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }), [data, t]);

  return (
    <>
      <PageHeader title={t('stats.title')} subtitle={data ? t('stats.subtitle', { scope: data.scope?.name ?? '', day: formatDate(data.asOf), n: data.total.total }) : undefined}
        extra={<Button icon={<DownloadOutlined aria-hidden />} href={statsXlsxUrl(unitId, day)} download>{t('stats.xlsx')}</Button>} />
      <PersonnelNav />
      <Flex vertical gap={16}>
        <Flex gap={12} wrap align="center">
          <div style={{ flex: '1 1 280px', maxWidth: 420 }}>
            <UnitSelect ariaLabel={tp('field.unit')} value={unitId} allLabel={tp('allUnits')} onChange={(id) => set({ unitId: id ? String(id) : undefined })} />
          </div>
          <label htmlFor="hr-stats-day">{t('stats.day')}</label>
          <DatePicker id="hr-stats-day" format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} value={day ? dayjs(day) : data ? dayjs(data.asOf) : null}
            allowClear={false} onChange={(d) => set({ day: d ? d.format('YYYY-MM-DD') : undefined })} />
        </Flex>
        {data && data.total.total > 0 ? (
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={12}>
              <Card size="small" title={<Typography.Title level={2} className="mc-hr-h2">{t('chart.age')}</Typography.Title>}>
                <Chart option={ageOption} label={t('chart.ageLabel', { n: data.total.total })} height={300} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={<Typography.Title level={2} className="mc-hr-h2">{t('chart.grade')}</Typography.Title>}>
                <Chart option={gradeOption} label={t('chart.gradeLabel', { n: data.total.total })} height={300} />
              </Card>
            </Col>
          </Row>
        ) : null}
        <Card size="small">
          {stats.isError ? <ErrorResult variant="inline" error={stats.error} onRetry={() => void stats.refetch()} /> : (
            <Table<StaffingRow> className="mc-hr-stats" aria-label={t('stats.table')} rowKey="unitId" size="small" bordered columns={columns} dataSource={data?.rows ?? []}
              loading={stats.isFetching} pagination={false} tableLayout="fixed" scroll={{ x: 220 + 84 * STATS_COLUMNS.length }} locale={{ emptyText: t('stats.empty') }}
              summary={() => (data && data.rows.length > 1 ? (
                <Table.Summary fixed="bottom">
                  <Table.Summary.Row className="mc-hr-total">
                    <Table.Summary.Cell index={0}>{tp('total')}</Table.Summary.Cell>
                    {STATS_COLUMNS.map((c, i) => <Table.Summary.Cell key={`${c.dim}.${c.key}`} index={i + 1} align="right">{c.value(data.total)}</Table.Summary.Cell>)}
                  </Table.Summary.Row>
                </Table.Summary>
              ) : null)} />
          )}
        </Card>
      </Flex>
    </>
  );
}
