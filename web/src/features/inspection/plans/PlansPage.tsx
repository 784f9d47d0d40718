import { useState } from 'react';
import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../../shared/auth';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { InspectionNav } from '../InspectionNav';
import { idParam, todayInVietnam } from '../paths';
import { Muted } from '../ui';
import { type PlanSummary, usePlans } from './api-plans';
import { planYears } from './fields';
import { usePlansT } from './i18n';
import { PLAN_STATUSES, type PlanStatus, useCodes } from './labels';
import { NewPlanDialog } from './PlanDialogs';
import { PLAN_MANAGE_ROLES, planPath } from './paths';
import { PlanStatusTag } from './tags';
import { UnitChoice, useAllUnits } from './units';
import '../inspection.css';
import './plans.css';

/**
 * `/can-bo/thanh-tra/ke-hoach`: the inspection plans of the units the caller reads as inspector, newest
 * first, filtered by year, planning unit and status (kept in the address).
 */
export default function PlansPage() {
  const t = usePlansT();
  const codes = useCodes();
  const { user } = useAuth();
  const { reach } = useAllUnits();
  const [params, setParams] = useSearchParams();
  const [creating, setCreating] = useState(false);
  const year = idParam(params.get('year')) ?? undefined;
  const unitId = idParam(params.get('unitId')) ?? undefined;
  const statusParam = params.get('status');
  const status = (PLAN_STATUSES as readonly string[]).includes(statusParam ?? '') ? (statusParam as PlanStatus) : undefined;
  const plans = usePlans({ year, unitId, status });
  const rows = plans.data?.pages.flatMap((p) => p.plans) ?? [];
  const update = (key: string, value: string | number | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, String(value)); else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<PlanSummary> = [
    {
      title: t('col.title'), key: 'title', width: 360,
      render: (_, p) => <Link to={planPath(p.id)} style={{ fontWeight: 600 }}>{p.title}</Link>,
    },
    { title: t('col.year'), dataIndex: 'year', width: 80 },
    { title: t('col.unit'), key: 'unit', width: 200, render: (_, p) => p.inspectingUnitName },
    { title: t('col.status'), key: 'status', width: 140, render: (_, p) => <PlanStatusTag status={p.status} /> },
    {
      title: t('col.items'), key: 'items', width: 120, align: 'right',
      render: (_, p) => <>{p.itemCount}{p.cancelledCount ? <div><Muted>{t('items.cancelled', { n: p.cancelledCount })}</Muted></div> : null}</>,
    },
    {
      title: t('col.decision'), key: 'decision', width: 220,
      render: (_, p) => (p.decisionNo ? t('decision.short', { no: p.decisionNo, date: formatDate(p.decisionDate) }) : <Muted>{t('none')}</Muted>),
    },
  ];

  return (
    <>
      <PageHeader title={t('plans.title')} subtitle={t('plans.subtitle')}
        extra={hasAnyRole(user, PLAN_MANAGE_ROLES) ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>{t('plans.create')}</Button> : null} />
      <InspectionNav />
      <Card size="small">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Select aria-label={t('filter.year')} value={year ?? 0} style={{ flex: '0 1 160px' }} onChange={(v: number) => update('year', v)}
            options={[{ value: 0, label: t('filter.allYears') }, ...planYears(todayInVietnam()).map((y) => ({ value: y, label: String(y) }))]} />
          <UnitChoice ariaLabel={t('filter.unit')} value={unitId ?? null} onChange={(v) => update('unitId', v)} emptyLabel={t('filter.allUnits')}
            style={{ flex: '1 1 260px', maxWidth: 420 }} only={(u) => reach.has(u.id)} />
          <Select aria-label={t('filter.status')} value={status ?? ''} style={{ flex: '0 1 200px' }} onChange={(v: string) => update('status', v)}
            options={[{ value: '', label: t('filter.allStatuses') }, ...PLAN_STATUSES.map((s) => ({ value: s, label: codes.planStatus(s) }))]} />
        </Flex>
        {plans.isError ? <ErrorResult variant="inline" error={plans.error} onRetry={() => void plans.refetch()} /> : (
          <>
            <Table<PlanSummary> aria-label={t('plans.table')} rowKey="id" size="middle" columns={columns} dataSource={rows} pagination={false}
              loading={plans.isFetching && !plans.isFetchingNextPage} scroll={{ x: 1000 }}
              locale={{ emptyText: year || unitId || status ? t('plans.emptyFiltered') : t('plans.empty') }} />
            <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
              <Typography.Text type="secondary">{rows.length ? t('plans.count', { n: rows.length }) : null}</Typography.Text>
              {plans.hasNextPage ? <Button onClick={() => void plans.fetchNextPage()} loading={plans.isFetchingNextPage}>{t('loadMore')}</Button> : null}
            </Flex>
          </>
        )}
      </Card>
      {creating ? <NewPlanDialog onClose={() => setCreating(false)} /> : null}
    </>
  );
}
