import { useState } from 'react';
import { App, Button, Card, Flex, InputNumber, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckCircleOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../../shared/auth';
import { errorMessage } from '../../../shared/api';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type EvaluationRow, useApproveEvaluations, useEvaluations } from '../api-evaluations';
import { useEvaluationT, usePersonnelT } from '../i18n';
import { APPROVER_ROLES, idParam, personPath } from '../paths';
import { PersonnelNav } from '../PersonnelNav';
import { UnitSelect, useCovers } from '../ui';
import { DemotedTag, RatingTag, SheetStatusTag, fmtPoints } from './RatingTag';
import { ReviewDialog } from './ReviewDialog';
import '../personnel.css';

/**
 * `/can-bo/nhan-su/danh-gia`: a unit's annual evaluation — everyone serving there with their sheet's
 * status, points and rating; the manager reviews each sheet, and the competent level approves the unit's
 * results at once, where the province's quota on "excellent" may rate some people good (marked).
 */
export default function EvaluationsPage() {
  const t = useEvaluationT();
  const tp = usePersonnelT();
  const { user } = useAuth();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const defaultUnit = user?.unit ? Number(user.unit.id) : null;
  const unitId = idParam(params.get('unitId') ?? undefined) ?? defaultUnit;
  // The year just ended is the one being evaluated (the review runs in December and January).
  const year = Number(params.get('year')) || new Date().getFullYear() - (new Date().getMonth() < 6 ? 1 : 0);
  const list = useEvaluations(unitId, year);
  const approve = useApproveEvaluations();
  const { covers } = useCovers();
  const [reviewing, setReviewing] = useState<number | null>(null);
  const set = (patch: Record<string, string>) => setParams({ ...Object.fromEntries(params), ...patch }, { replace: true });
  const data = list.data;
  const share = data?.rule?.excellentQuota?.share ?? null;
  const canApprove = covers(APPROVER_ROLES, unitId) && !!data?.items.some((r) => r.status === 'reviewed');

  const onApprove = () => modal.confirm({
    title: t('approve.title', { year }), content: share !== null ? t('approve.quota', { pct: Math.round(share * 100) }) : t('approve.noQuota'),
    okText: t('approve.ok'), cancelText: tp('cancel'),
    onOk: async () => {
      try {
        const r = await approve.mutateAsync({ unitId: unitId!, year });
        void message.success(t('approve.done', { n: r.approved, demoted: r.demoted.length }));
      } catch (error) {
        modal.error({ title: t('approve.failed'), content: errorMessage(error) });
      }
    },
  });

  const columns: ColumnsType<EvaluationRow> = [
    { title: t('col.fullName'), key: 'name', width: 220, render: (_, r) => <Link to={personPath(r.personId)}>{r.fullName}</Link> },
    { title: t('col.position'), key: 'position', width: 200, render: (_, r) => r.position ?? '' },
    { title: t('col.unit'), dataIndex: 'unitName', width: 200 },
    { title: t('col.status'), key: 'status', width: 150, render: (_, r) => <SheetStatusTag status={r.status} /> },
    { title: t('col.points'), key: 'points', width: 90, align: 'right', render: (_, r) => fmtPoints(r.points) },
    {
      title: t('col.rating'), key: 'rating', width: 260,
      render: (_, r) => <Flex gap={4} wrap>{r.rating ? <RatingTag rating={r.rating} /> : <RatingTag rating={r.proposedRating} proposed />}{r.demoted ? <DemotedTag share={share} /> : null}</Flex>,
    },
    {
      title: '', key: 'open', width: 110,
      render: (_, r) => (r.status === 'not_started' ? null : <Button size="small" onClick={() => setReviewing(r.personId)}>{r.status !== 'approved' && hasAnyRole(user, APPROVER_ROLES) ? t('review.button') : t('review.view')}</Button>),
    },
  ];

  return (
    <>
      <PageHeader title={t('eval.title')} subtitle={data?.rule ? t('eval.rule', { name: data.rule.name }) : t('eval.subtitle')}
        extra={canApprove ? <Button type="primary" icon={<CheckCircleOutlined aria-hidden />} loading={approve.isPending} onClick={onApprove}>{t('approve.button')}</Button> : null} />
      <PersonnelNav />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <div style={{ flex: '1 1 280px', maxWidth: 420 }}>
            <UnitSelect ariaLabel={tp('field.unit')} value={unitId} onChange={(id) => { if (id) set({ unitId: String(id) }); }} />
          </div>
          <label htmlFor="hr-eval-year">{t('eval.year')}</label>
          <InputNumber id="hr-eval-year" min={2000} max={2100} value={year} onChange={(v) => { if (typeof v === 'number') set({ year: String(v) }); }} style={{ width: 110 }} />
        </Flex>
        {!unitId ? <Typography.Text type="secondary">{t('eval.pickUnit')}</Typography.Text> : list.isError ? <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} /> : (
          <Table<EvaluationRow> aria-label={t('eval.table', { year })} rowKey="personId" size="middle" columns={columns} dataSource={data?.items ?? []}
            loading={list.isFetching} pagination={false} scroll={{ x: 1000 }} locale={{ emptyText: t('eval.empty') }}
            rowClassName={(r) => (r.demoted ? 'mc-hr-demoted' : '')} />
        )}
        {data?.items.some((r) => r.demoted) ? <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{share !== null ? t('demoted.tip', { pct: Math.round(share * 100) }) : t('demoted.tipNoShare')}</Typography.Paragraph> : null}
      </Card>
      {reviewing !== null ? <ReviewDialog personId={reviewing} year={year} onClose={() => setReviewing(null)} /> : null}
    </>
  );
}
