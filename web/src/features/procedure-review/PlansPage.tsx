import { useState } from 'react';
import { Button, Flex, Select, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useReviewUnits } from './api';
import { usePlans, usePlansSummary } from './api-forms';
import { count, percent, vnd } from './format';
import { Muted, Section, thisYear, yearChoices } from './forms-ui';
import { AgencySelect } from './forms-pickers';
import { useFormsT } from './i18n-forms';
import { idParam, planPath } from './paths';
import { PlanCreateDialog } from './PlanCreateDialog';
import { PlanStatusTag } from './review-ui';
import { ReviewNav } from './ReviewNav';
import type { PlanStatus, PlanSummary, PlansSummaryRow, Saving } from './types';
import './forms.css';

const STATUSES: readonly PlanStatus[] = ['draft', 'proposed', 'approved', 'rejected'];

/**
 * `/can-bo/ra-soat-tthc/phuong-an`: the year's savings of simplification plans (per agency and for the
 * province, plans not rejected), the plans by year, status and agency (kept in the address), and
 * "Lập phương án", opened at once by `?code=…&unitId=…[&reviewId=…]` (the review form's link).
 */
export default function PlansPage() {
  const t = useFormsT();
  const [params, setParams] = useSearchParams();
  const units = useReviewUnits();
  const year = Number(params.get('year')) || thisYear();
  const status = STATUSES.find((s) => s === params.get('status'));
  const unitId = idParam(params.get('agency')) ?? undefined;
  const plans = usePlans({ year, status, unitId });
  const summary = usePlansSummary(year);
  const mayCreate = (units.data?.items ?? []).some((u) => u.manage);
  // `?code=` with the agency opens "Lập phương án" for it (the review's and the cost page's links); alone, it
  // narrows the list to that procedure's plans (the ranking's count of plans).
  const code = params.get('code');
  const forUnit = idParam(params.get('unitId'));
  const prefill = code && forUnit ? { code, unitId: forUnit, reviewId: idParam(params.get('reviewId')) ?? undefined } : null;
  const onlyCode = code && !forUnit ? code : null;
  const [creating, setCreating] = useState(false);
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v === undefined) next.delete(k); else next.set(k, v);
    setParams(next, { replace: true });
  };
  const closeCreate = () => { setCreating(false); if (prefill) set({ code: undefined, unitId: undefined, reviewId: undefined }); };

  const savingColumns = <T,>(of: (row: T) => Saving): ColumnsType<T> => [
    { title: t('plans.col.before'), key: 'before', width: 130, align: 'right', render: (_, r) => <span className="mc-pr-num">{vnd(of(r).beforeVnd)}</span> },
    { title: t('plans.col.after'), key: 'after', width: 130, align: 'right', render: (_, r) => <span className="mc-pr-num">{vnd(of(r).afterVnd)}</span> },
    { title: t('plans.col.saving'), key: 'saving', width: 130, align: 'right', render: (_, r) => <strong className="mc-pr-num">{vnd(of(r).savingVnd)}</strong> },
    { title: t('plans.col.percent'), key: 'percent', width: 80, align: 'right', render: (_, r) => percent(of(r).percent) ?? <Muted>—</Muted> },
  ];
  const columns: ColumnsType<PlanSummary> = [
    {
      title: t('plans.col.title'), key: 'title', width: 280,
      render: (_, p) => (
        <>
          <Link to={planPath(p.id)} style={{ fontWeight: 600 }}>{p.title}</Link>
          <div><Muted>{p.procedureCode} — {p.procedureName}</Muted></div>
        </>
      ),
    },
    { title: t('plans.col.agency'), dataIndex: 'agencyUnitName', width: 160 },
    { title: t('plans.col.status'), key: 'status', width: 130, render: (_, p) => <PlanStatusTag status={p.status} /> },
    ...savingColumns<PlanSummary>((p) => p.saving),
  ];
  const summaryColumns: ColumnsType<PlansSummaryRow> = [
    { title: t('plans.col.agency'), dataIndex: 'agencyUnitName', width: 240 },
    { title: t('plans.col.plans'), key: 'plans', width: 130, align: 'right', render: (_, r) => t('plans.count', { plans: count(r.plans), approved: count(r.approved) }) },
    ...savingColumns<PlansSummaryRow>((r) => r),
  ];
  const province = summary.data?.province;
  const rows = (plans.data?.items ?? []).filter((p) => !onlyCode || p.procedureCode === onlyCode);

  return (
    <>
      <PageHeader title={t('plans.title')} subtitle={t('plans.subtitle')}
        extra={mayCreate ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>{t('plans.create')}</Button> : null} />
      <ReviewNav active="plans" />
      <Flex gap={12} wrap align="flex-end" className="mc-prf-filters">
        <Flex vertical gap={4}>
          <label htmlFor="prf-year">{t('filter.year')}</label>
          <Select id="prf-year" value={year} style={{ width: 140 }} onChange={(v: number) => set({ year: String(v) })}
            options={yearChoices().map((y) => ({ value: y, label: String(y) }))} />
        </Flex>
        <Flex vertical gap={4}>
          <label htmlFor="prf-status">{t('filter.status')}</label>
          <Select id="prf-status" value={status ?? 'all'} style={{ width: 180 }} onChange={(v: string) => set({ status: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('filter.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`planStatus.${s}`) }))]} />
        </Flex>
        <Flex vertical gap={4} style={{ flex: '0 1 320px' }}>
          <label htmlFor="prf-agency">{t('filter.agency')}</label>
          <AgencySelect id="prf-agency" value={unitId} allowClear placeholder={t('filter.allAgencies')} onChange={(v) => set({ agency: v ? String(v) : undefined })} />
        </Flex>
      </Flex>
      <Section title={t('plans.summary', { year })} testId="plans-summary">
        {summary.isError ? <ErrorResult variant="inline" error={summary.error} onRetry={() => void summary.refetch()} /> : (
          <>
            <div className="mc-prf-stats" data-testid="plans-province">
              <Statistic title={t('plans.stat.plans')} value={province ? t('plans.count', { plans: count(province.plans), approved: count(province.approved) }) : '—'} loading={summary.isPending} />
              <Statistic title={t('plans.stat.before')} value={province ? vnd(province.beforeVnd) : '—'} loading={summary.isPending} />
              <Statistic title={t('plans.stat.after')} value={province ? vnd(province.afterVnd) : '—'} loading={summary.isPending} />
              <Statistic title={t('plans.stat.saving')} value={province ? vnd(province.savingVnd) : '—'} loading={summary.isPending}
                suffix={province && province.percent !== null ? <span className="mc-prf-stat-suffix">({percent(province.percent)})</span> : null} />
            </div>
            <Table<PlansSummaryRow> aria-label={t('plans.summaryTable', { year })} rowKey="agencyUnitId" size="small" columns={summaryColumns}
              dataSource={summary.data?.agencies ?? []} pagination={false} scroll={{ x: 920 }} style={{ marginTop: 16 }}
              locale={{ emptyText: <Typography.Text type="secondary">{t('plans.summaryEmpty')}</Typography.Text> }} />
          </>
        )}
      </Section>
      <Section title={t('plans.table', { year })}>
        {plans.isError ? <ErrorResult variant="inline" error={plans.error} onRetry={() => void plans.refetch()} /> : (
          <>
            {onlyCode ? (
              <Flex gap={8} align="center" wrap className="mc-prf-filter-note">
                <Typography.Text>{t('plans.codeFilter', { code: onlyCode })}</Typography.Text>
                <Button size="small" onClick={() => set({ code: undefined })}>{t('plans.codeFilterClear')}</Button>
              </Flex>
            ) : null}
            <Table<PlanSummary> aria-label={t('plans.table', { year })} rowKey="id" size="middle" columns={columns} dataSource={rows}
              loading={plans.isFetching} pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              scroll={{ x: 1040 }} data-testid="plans-table"
              locale={{ emptyText: <Typography.Text type="secondary">{t('plans.empty')}</Typography.Text> }} />
          </>
        )}
      </Section>
      {creating || (prefill && mayCreate) ? <PlanCreateDialog prefill={prefill} year={year} onClose={closeCreate} /> : null}
    </>
  );
}
