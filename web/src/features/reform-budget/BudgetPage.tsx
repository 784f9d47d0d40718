import { useState } from 'react';
import { Button, Card, Flex, Result, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DownloadOutlined, EditOutlined, HistoryOutlined, PlusOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { summaryXlsxUrl, useBudgetUnits, useLines, useYearSummary } from './api';
import { ChangesDialog } from './ChangesDialog';
import { money, percent } from './format';
import { useBudgetT } from './i18n';
import { LineDialog } from './LineDialog';
import { ActivitySummary, Rate, UnitsSummary } from './SummaryTables';
import type { BudgetLine } from './types';
import './reform-budget.css';

/** The unit and year the page shows, kept in its address (`?unitId=&year=`) so a link opens the same view. */
function useUnitYear() {
  const [params, setParams] = useSearchParams();
  const units = useBudgetUnits();
  const list = units.data?.items ?? [];
  const asked = Number(params.get('unitId'));
  const unit = list.find((x) => x.unitId === asked) ?? list[0];
  const y = Number(params.get('year'));
  const year = y >= 2000 && y <= 2100 ? y : new Date().getFullYear();
  const update = (patch: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) next.set(k, v);
    setParams(next, { replace: true });
  };
  return { units, list, unit, year, update };
}

type Dialog = { kind: 'add' } | { kind: 'edit'; line: BudgetLine } | { kind: 'history'; line: BudgetLine } | null;

/** `/can-bo/kinh-phi-cchc`: a unit's reform budget lines of a year, its summary per activity, and the year over every unit read. */
export default function BudgetPage() {
  const t = useBudgetT();
  const { units, list, unit, year, update } = useUnitYear();
  const lines = useLines(unit?.unitId, year);
  const summary = useYearSummary(year);
  const [dialog, setDialog] = useState<Dialog>(null);
  const now = new Date().getFullYear();
  const mayManage = !!lines.data?.may.manage;

  if (units.isError) return <><PageHeader title={t('title')} /><ErrorResult error={units.error} onRetry={() => void units.refetch()} /></>;
  if (!units.isPending && list.length === 0) return <><PageHeader title={t('title')} /><Result status="info" title={t('noUnits')} /></>;

  const amount = (v: number) => <span className="mc-budget-money">{money(v)}</span>;
  const columns: ColumnsType<BudgetLine> = [
    { title: t('col.activity'), key: 'activity', width: 150, render: (_, l) => <Typography.Text type="secondary">{t(`activity.${l.activityKind}`)}</Typography.Text> },
    {
      title: t('col.title'), key: 'title', render: (_, l) => (
        <Flex vertical gap={2}>
          <span>{l.title}</span>
          <Flex gap={4} wrap align="center">
            <Tag>{t(`funding.${l.fundingSource}`)}</Tag>
            {l.overspent ? <Tooltip title={l.overspendReason}><Tag color="red">{t('overspent')}</Tag></Tooltip> : null}
            {l.allocationDecisionNo ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('col.decision')}: {l.allocationDecisionNo}</Typography.Text> : null}
          </Flex>
        </Flex>
      ),
    },
    { title: t('col.planned'), dataIndex: 'plannedVnd', width: 150, align: 'right', render: amount },
    { title: t('col.allocated'), dataIndex: 'allocatedVnd', width: 150, align: 'right', render: amount },
    { title: t('col.spent'), dataIndex: 'spentVnd', width: 150, align: 'right', render: amount },
    { title: t('col.rate'), key: 'rate', width: 150, render: (_, l) => <Rate rate={l.executionRate} /> },
    {
      title: t('col.actions'), key: 'actions', width: 96, render: (_, l) => (
        <Space size={0}>
          {mayManage ? <Tooltip title={t('edit')}><Button type="text" aria-label={`${t('edit')}: ${l.title}`} icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', line: l })} /></Tooltip> : null}
          <Tooltip title={t('history')}><Button type="text" aria-label={`${t('history')}: ${l.title}`} icon={<HistoryOutlined />} onClick={() => setDialog({ kind: 'history', line: l })} /></Tooltip>
        </Space>
      ),
    },
  ];
  const total = lines.data?.summary.total;
  const yearData = summary.data;

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')}
        extra={<>
          <Button icon={<DownloadOutlined aria-hidden />} href={summaryXlsxUrl(year)} download>{t('download')}</Button>
          {mayManage ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'add' })}>{t('add')}</Button> : null}
        </>} />
      <Card size="small">
        <Flex gap={12} wrap align="center">
          <Select aria-label={t('unit')} value={unit?.unitId} loading={units.isPending} style={{ width: 320 }} popupMatchSelectWidth={false}
            onChange={(v: number) => update({ unitId: String(v) })} options={list.map((x) => ({ value: x.unitId, label: x.name }))} />
          <Select aria-label={t('year')} value={year} style={{ width: 110 }} onChange={(v: number) => update({ year: String(v) })}
            options={[now + 1, now, now - 1, now - 2, now - 3, now - 4].map((y) => ({ value: y, label: String(y) }))} />
        </Flex>
      </Card>

      <Card size="small" className="mc-budget-card" title={t('lines.title', { year, unit: unit?.name ?? '' })}>
        {lines.isError ? <ErrorResult variant="inline" error={lines.error} onRetry={() => void lines.refetch()} /> : (
          <Table<BudgetLine> aria-label={t('lines.table')} data-testid="budget-lines" rowKey="id" size="middle" columns={columns}
            dataSource={lines.data?.items ?? []} loading={lines.isFetching} pagination={false} scroll={{ x: 1080 }}
            rowClassName={(l) => (l.overspent ? 'mc-budget-overspent' : '')}
            locale={{ emptyText: t('lines.empty') }}
            summary={() => (total && total.lines > 0 ? (
              <Table.Summary.Row className="mc-budget-total">
                <Table.Summary.Cell index={0} colSpan={2}><strong>{t('total')}</strong></Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">{amount(total.plannedVnd)}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{amount(total.allocatedVnd)}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">{amount(total.spentVnd)}</Table.Summary.Cell>
                <Table.Summary.Cell index={5}><Rate rate={total.executionRate} /></Table.Summary.Cell>
                <Table.Summary.Cell index={6} />
              </Table.Summary.Row>
            ) : null)} />
        )}
      </Card>

      {lines.data ? (
        <Card size="small" className="mc-budget-card" title={t('summary.unit', { unit: lines.data.unitName })}>
          <ActivitySummary summary={lines.data.summary} />
        </Card>
      ) : null}

      <Card size="small" className="mc-budget-card" title={t('summary.year', { year })}
        extra={<Button size="small" icon={<DownloadOutlined aria-hidden />} href={summaryXlsxUrl(year)} download>{t('download')}</Button>}>
        {summary.isError ? <ErrorResult variant="inline" error={summary.error} onRetry={() => void summary.refetch()} /> : !yearData ? null : yearData.total.lines === 0 ? (
          <Typography.Text type="secondary">{t('summary.empty')}</Typography.Text>
        ) : (
          <>
            <UnitsSummary summary={yearData} />
            <Flex gap={24} wrap className="mc-budget-notes">
              <Typography.Text type="secondary">{t('summary.asOf', { date: formatDate(yearData.asOf) })}</Typography.Text>
              {yearData.isoShareOfAllocated !== null ? <Typography.Text>{t('summary.isoShare', { share: percent(yearData.isoShareOfAllocated) ?? '' })}</Typography.Text> : null}
              {yearData.total.overspentLines > 0 ? <Typography.Text type="danger">{t('summary.overspent', { count: yearData.total.overspentLines })}</Typography.Text> : null}
            </Flex>
          </>
        )}
      </Card>

      {dialog?.kind === 'add' && unit ? <LineDialog mode="add" unitId={unit.unitId} year={year} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'edit' ? <LineDialog mode="edit" line={dialog.line} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'history' ? <ChangesDialog line={dialog.line} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
