import { useState } from 'react';
import { App, Button, Card, Flex, Result, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckOutlined, EditOutlined, FileAddOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../shared/api';
import { useT } from '../../shared/i18n';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useApproveReviewPlan, useCreateReview, usePrSettle, useReviewPlan, useReviewUnits } from './api';
import { day } from './format';
import { useReviewT } from './i18n';
import { costPath, idParam, reviewPath, reviewPlansPath } from './paths';
import { ReviewPlanDialog } from './ReviewPlanDialog';
import { HistoryList, PlanProgress, ReviewPlanStatusTag, ReviewStatusTag } from './review-ui';
import { ReviewNav } from './ReviewNav';
import type { ReviewPlan, ReviewPlanItem, ReviewPlanItemState } from './types';

const STATE_COLOURS: Record<ReviewPlanItemState, string> = { not_started: 'default', in_progress: 'blue', done: 'success' };

/** `/can-bo/ra-soat-tthc/ke-hoach/:id`: one agency's review plan of a year — its procedures, their reviews and progress. */
export default function ReviewPlanPage() {
  const t = useReviewT();
  const id = idParam(useParams().id);
  const plan = useReviewPlan(id);

  if (id === null || (plan.isError && isApiError(plan.error) && plan.error.status === 404)) {
    return (
      <>
        <PageHeader title={t('rp.title')} />
        <ReviewNav active="reviewPlans" />
        <Result status="404" title={t('common.notFound')} extra={<Link to={reviewPlansPath}>{t('rp.back')}</Link>} />
      </>
    );
  }
  if (plan.isError) return <><PageHeader title={t('rp.title')} /><ReviewNav active="reviewPlans" /><ErrorResult error={plan.error} onRetry={() => void plan.refetch()} /></>;
  if (!plan.data) return <><PageHeader title={t('rp.title')} /><ReviewNav active="reviewPlans" /><Skeleton active /></>;
  return <PlanView plan={plan.data} />;
}

function PlanView({ plan }: { plan: ReviewPlan }) {
  const t = useReviewT();
  const ts = useT();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const units = useReviewUnits();
  const approve = useApproveReviewPlan(plan.id);
  const create = useCreateReview();
  const settle = usePrSettle();
  const [editing, setEditing] = useState(false);
  const [starting, setStarting] = useState<number | null>(null);
  // Counted from the items, the same rule as the list's (done = its review approved).
  const done = plan.items.filter((i) => i.state === 'done').length;
  const overdue = plan.items.filter((i) => i.overdue).length;
  const mayReview = !!units.data?.items.find((u) => u.id === plan.agencyUnitId)?.manage;

  const onApprove = () => modal.confirm({
    title: t('rp.approve'), content: t('rp.approveConfirm'), okText: t('rp.approve'), cancelText: ts('action.cancel'),
    onOk: async () => {
      try {
        await approve.mutateAsync(plan.version);
        void message.success(t('rp.approved'));
      } catch (error) {
        if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
          modal.warning({ title: ts('error.staleTitle'), content: errorMessage(error), okText: ts('action.reload'), onOk: settle });
        } else void message.error(errorMessage(error));
      }
    },
  });

  const startReview = (item: ReviewPlanItem) => {
    setStarting(item.id);
    create.mutate({ procedureCode: item.procedureCode, agencyUnitId: plan.agencyUnitId, year: plan.year, planItemId: item.id }, {
      onSuccess: ({ id }) => navigate(reviewPath(id)),
      onError: (error) => void message.error(errorMessage(error)),
      onSettled: () => setStarting(null),
    });
  };

  const columns: ColumnsType<ReviewPlanItem> = [
    {
      title: t('col.procedure'), key: 'procedure', render: (_, i) => (
        <Flex vertical gap={2}>
          <Link to={`${costPath(i.procedureCode)}?unitId=${plan.agencyUnitId}`}>{i.procedureName}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.procedureCode}</Typography.Text>
        </Flex>
      ),
    },
    {
      title: t('col.dueOn'), key: 'due', width: 150, render: (_, i) => (
        <Flex gap={4} wrap align="center">
          <Typography.Text type={i.overdue ? 'danger' : undefined} className="mc-pr-num">{day(i.dueOn)}</Typography.Text>
          {i.overdue ? <Tag color="red">{t('rp.overdueTag')}</Tag> : null}
        </Flex>
      ),
    },
    { title: t('col.leadUnit'), key: 'lead', width: 200, render: (_, i) => i.leadUnitName ?? '—' },
    { title: t('col.state'), key: 'state', width: 140, render: (_, i) => <Tag color={STATE_COLOURS[i.state]}>{t(`state.${i.state}`)}</Tag> },
    {
      title: t('col.review'), key: 'review', width: 190, render: (_, i) => (i.reviewId !== null ? (
        <Flex gap={4} wrap align="center">
          <Link to={reviewPath(i.reviewId)}>{t('rp.openReview')}</Link>
          {i.reviewStatus ? <ReviewStatusTag status={i.reviewStatus} /> : null}
        </Flex>
      ) : mayReview ? (
        <Button size="small" icon={<FileAddOutlined aria-hidden />} loading={starting === i.id} disabled={starting !== null && starting !== i.id}
          aria-label={t('rp.createReviewFor', { name: i.procedureName })} onClick={() => startReview(i)}>{t('rp.createReview')}</Button>
      ) : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];

  return (
    <>
      <PageHeader title={<>{plan.title} <ReviewPlanStatusTag status={plan.status} /></>} documentTitle={plan.title}
        subtitle={t('rp.meta', { agency: plan.agencyUnitName, year: plan.year })}
        extra={<>
          {plan.allowed.edit ? <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>{t('rp.edit')}</Button> : null}
          {plan.allowed.approve ? <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={approve.isPending} onClick={onApprove}>{t('rp.approve')}</Button> : null}
        </>} />
      <ReviewNav active="reviewPlans" />
      <Typography.Paragraph style={{ marginTop: -8 }}><Link to={`${reviewPlansPath}?year=${plan.year}`}>← {t('rp.back')}</Link></Typography.Paragraph>
      <Card size="small" title={t('rp.items')}
        extra={<Flex gap={12} align="center"><PlanProgress done={done} items={plan.items.length} />
          {overdue > 0 ? <Tag color="red">{t('rp.overdue', { count: overdue })}</Tag> : null}</Flex>}>
        <Table<ReviewPlanItem> aria-label={t('rp.itemsTable')} data-testid="pr-review-plan-items" rowKey="id" size="middle" columns={columns}
          dataSource={plan.items} pagination={false} scroll={{ x: 960 }} rowClassName={(i) => (i.overdue ? 'mc-pr-overdue' : '')}
          locale={{ emptyText: t('rp.noItems') }} />
      </Card>
      <Card size="small" className="mc-pr-card" title={t('common.history')}><HistoryList items={plan.history} /></Card>
      {editing ? <ReviewPlanDialog mode="edit" plan={plan} onClose={() => setEditing(false)} /> : null}
    </>
  );
}
