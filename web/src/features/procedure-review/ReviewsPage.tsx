import { useState } from 'react';
import { App, Button, Flex, Form, InputNumber, Modal, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useCreateReview, useReviewUnits } from './api';
import { useReviews } from './api-forms';
import { vnd } from './format';
import { Muted, Problem, Section, thisYear, usePageSubmit, useRecommendationLabel, yearChoices } from './forms-ui';
import { AgencySelect, ProcedureSelect } from './forms-pickers';
import { useFormsT } from './i18n-forms';
import { idParam, reviewPath } from './paths';
import { ReviewStatusTag } from './review-ui';
import { ReviewNav } from './ReviewNav';
import type { ReviewStatus, ReviewSummary } from './types';
import './forms.css';

const STATUSES: readonly ReviewStatus[] = ['draft', 'submitted', 'approved'];

/**
 * `/can-bo/ra-soat-tthc/phieu`: the review forms of the agencies the caller reads, by year, status and
 * agency (kept in the address). `?code=…&unitId=…` opens "Lập phiếu rà soát" for that procedure.
 */
export default function ReviewsPage() {
  const t = useFormsT();
  const recommendation = useRecommendationLabel();
  const [params, setParams] = useSearchParams();
  const units = useReviewUnits();
  const yearParam = params.get('year');
  const year = yearParam === 'all' ? undefined : Number(yearParam) || thisYear();
  const status = STATUSES.find((s) => s === params.get('status'));
  const unitId = idParam(params.get('unitId')) ?? undefined;
  const reviews = useReviews({ year, status, unitId });
  const mayCreate = (units.data?.items ?? []).some((u) => u.manage);
  const prefill = params.get('code') ? { code: params.get('code')!, unitId, year: Number(params.get('forYear')) || undefined } : null;
  const [creating, setCreating] = useState(false);
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) if (v === undefined) next.delete(k); else next.set(k, v);
    setParams(next, { replace: true });
  };
  const closeCreate = () => { setCreating(false); if (prefill) set({ code: undefined, forYear: undefined }); };

  const columns: ColumnsType<ReviewSummary> = [
    {
      title: t('reviews.col.procedure'), key: 'procedure', width: 340,
      render: (_, r) => (
        <>
          <Link to={reviewPath(r.id)} style={{ fontWeight: 600 }}>{r.procedureName}</Link>
          <div><Muted>{r.procedureCode}</Muted></div>
        </>
      ),
    },
    { title: t('reviews.col.agency'), dataIndex: 'agencyUnitName', width: 220 },
    { title: t('reviews.col.year'), dataIndex: 'year', width: 80, align: 'right' },
    { title: t('reviews.col.status'), key: 'status', width: 140, render: (_, r) => <ReviewStatusTag status={r.status} /> },
    { title: t('reviews.col.recommendation'), key: 'rec', width: 140, render: (_, r) => (r.recommendation ? recommendation(r.recommendation) : <Muted>{recommendation(null)}</Muted>) },
    { title: t('reviews.col.yearly'), key: 'yearly', width: 150, align: 'right', render: (_, r) => <span className="mc-pr-num">{vnd(r.yearlyVnd)}</span> },
    { title: t('reviews.col.updated'), key: 'updated', width: 150, render: (_, r) => formatDateTime(r.updatedAt) },
  ];
  const rows = [...(reviews.data?.items ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id - a.id);

  return (
    <>
      <PageHeader title={t('reviews.title')} subtitle={t('reviews.subtitle')}
        extra={mayCreate ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>{t('reviews.create')}</Button> : null} />
      <ReviewNav active="reviews" />
      <Flex gap={12} wrap align="flex-end" className="mc-prf-filters">
        <Flex vertical gap={4}>
          <label htmlFor="prf-year">{t('filter.year')}</label>
          <Select id="prf-year" value={year ?? 'all'} style={{ width: 140 }} onChange={(v: number | 'all') => set({ year: String(v) })}
            options={[{ value: 'all', label: t('filter.allYears') }, ...yearChoices().map((y) => ({ value: y, label: String(y) }))]} />
        </Flex>
        <Flex vertical gap={4}>
          <label htmlFor="prf-status">{t('filter.status')}</label>
          <Select id="prf-status" value={status ?? 'all'} style={{ width: 180 }} onChange={(v: string) => set({ status: v === 'all' ? undefined : v })}
            options={[{ value: 'all', label: t('filter.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`reviewStatus.${s}`) }))]} />
        </Flex>
        <Flex vertical gap={4} style={{ flex: '0 1 320px' }}>
          <label htmlFor="prf-agency">{t('filter.agency')}</label>
          <AgencySelect id="prf-agency" value={unitId} allowClear placeholder={t('filter.allAgencies')} onChange={(v) => set({ unitId: v ? String(v) : undefined })} />
        </Flex>
      </Flex>
      <Section title={year ? t('reviews.tableYear', { year }) : t('reviews.table')}>
        {reviews.isError ? <ErrorResult variant="inline" error={reviews.error} onRetry={() => void reviews.refetch()} /> : (
          <Table<ReviewSummary> aria-label={t('reviews.table')} rowKey="id" size="middle" columns={columns} dataSource={rows} loading={reviews.isFetching}
            pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false} scroll={{ x: 1120 }} data-testid="reviews-table"
            locale={{ emptyText: <Typography.Text type="secondary">{t('reviews.empty')}</Typography.Text> }} />
        )}
      </Section>
      {creating || (prefill && mayCreate) ? <CreateReviewDialog prefill={prefill} onClose={closeCreate} /> : null}
    </>
  );
}

type Values = { procedureCode?: string | null; agencyUnitId?: number | null; year?: number | null };

/** "Lập phiếu rà soát": one per agency, year and procedure (an existing one is opened instead). */
function CreateReviewDialog({ prefill, onClose }: { prefill: { code: string; unitId?: number; year?: number } | null; onClose: () => void }) {
  const t = useFormsT();
  const ts = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const units = useReviewUnits();
  const [form] = Form.useForm<Values>();
  const create = useCreateReview();
  const submit = usePageSubmit(form, () => undefined);
  const managed = (units.data?.items ?? []).filter((u) => u.manage);
  const unit = prefill?.unitId && managed.some((u) => u.id === prefill.unitId) ? prefill.unitId : managed.length === 1 ? managed[0]!.id : undefined;
  const finish = async (v: Values) => {
    const answer = await submit.run(() => create.mutateAsync({ procedureCode: v.procedureCode!, agencyUnitId: v.agencyUnitId!, year: v.year! }));
    if (!answer) return;
    if (answer.existed) void message.info(t('reviews.existed'));
    navigate(reviewPath(answer.id));
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal open title={t('reviews.create')} okText={t('reviews.createOk')} cancelText={ts('action.cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: submit.pending }} destroyOnHidden width={640}>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void finish(v)}
        initialValues={{ procedureCode: prefill?.code ?? null, agencyUnitId: unit ?? null, year: prefill?.year ?? thisYear() }}>
        <Form.Item name="procedureCode" label={t('field.procedure')} rules={required}>
          <ProcedureSelect aria-label={t('field.procedure')} known={prefill ? { code: prefill.code, name: '' } : null} />
        </Form.Item>
        <Form.Item name="agencyUnitId" label={t('field.agency')} rules={required}>
          <AgencySelect manage aria-label={t('field.agency')} />
        </Form.Item>
        <Form.Item name="year" label={t('field.year')} rules={required}>
          <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: 140 }} />
        </Form.Item>
        <Problem text={submit.problem} />
      </Form>
    </Modal>
  );
}
