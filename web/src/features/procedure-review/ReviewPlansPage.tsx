import { useState } from 'react';
import { Button, Card, Flex, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useReviewPlans, useReviewUnits } from './api';
import { useReviewT } from './i18n';
import { reviewPlanPath } from './paths';
import { ReviewPlanDialog } from './ReviewPlanDialog';
import { PlanProgress, ReviewPlanStatusTag } from './review-ui';
import { ReviewNav } from './ReviewNav';
import type { ReviewPlanSummary } from './types';

/** `/can-bo/ra-soat-tthc/ke-hoach`: the yearly review plans of the agencies the caller reads, with their progress. */
export default function ReviewPlansPage() {
  const t = useReviewT();
  const [params, setParams] = useSearchParams();
  const thisYear = Number(formatDate(new Date()).slice(-4));
  const asked = Number(params.get('year'));
  const year = asked >= 2000 && asked <= 2100 ? asked : thisYear;
  const plans = useReviewPlans(year);
  const units = useReviewUnits();
  const mayCreate = (units.data?.items ?? []).some((u) => u.manage);
  const [creating, setCreating] = useState(false);

  const columns: ColumnsType<ReviewPlanSummary> = [
    { title: t('col.agency'), dataIndex: 'agencyUnitName', width: 240 },
    { title: t('col.title'), key: 'title', render: (_, p) => <Link to={reviewPlanPath(p.id)}>{p.title}</Link> },
    { title: t('col.status'), key: 'status', width: 130, render: (_, p) => <ReviewPlanStatusTag status={p.status} /> },
    { title: t('col.progress'), key: 'progress', width: 210, render: (_, p) => <PlanProgress done={p.done} items={p.items} /> },
    {
      title: t('col.overdue'), dataIndex: 'overdue', width: 110, align: 'center',
      render: (v: number) => (v > 0 ? <Tag color="red">{t('rp.overdue', { count: v })}</Tag> : <Typography.Text type="secondary">0</Typography.Text>),
    },
  ];

  return (
    <>
      <PageHeader title={t('rp.title')} subtitle={t('rp.subtitle')}
        extra={mayCreate ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>{t('rp.add')}</Button> : null} />
      <ReviewNav active="reviewPlans" />
      <Card size="small" title={t('rp.table', { year })}
        extra={(
          <Flex gap={8} align="center">
            <label htmlFor="rp-year">{t('common.year')}</label>
            <Select id="rp-year" value={year} style={{ width: 100 }} onChange={(v: number) => setParams({ year: String(v) }, { replace: true })}
              options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3].map((y) => ({ value: y, label: String(y) }))} />
          </Flex>
        )}>
        {plans.isError ? <ErrorResult variant="inline" error={plans.error} onRetry={() => void plans.refetch()} /> : (
          <Table<ReviewPlanSummary> aria-label={t('rp.table', { year })} data-testid="pr-review-plans" rowKey="id" size="middle" columns={columns}
            dataSource={plans.data?.items ?? []} loading={plans.isFetching} pagination={false} scroll={{ x: 900 }}
            rowClassName={(p) => (p.overdue > 0 ? 'mc-pr-overdue' : '')}
            locale={{ emptyText: plans.isPending ? ' ' : t('rp.empty') }} />
        )}
      </Card>
      {creating ? <ReviewPlanDialog mode="create" year={year} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
