import { useState } from 'react';
import { Button, Form, Input, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { documentPath } from '../directives/paths';
import { useSystem } from './api';
import { useCreateReview, useReviews } from './api-audits';
import { AuditModal } from './AuditDialogs';
import { Muted, NotFound, ReviewStatusTag } from './audit-ui';
import { PeopleSelect } from './audit-pickers';
import { useQualityT } from './i18n';
import { QualityNav } from './QualityNav';
import { QUALITY_PATH, idParam, reviewPath, todayInVietnam } from './paths';
import { DateField, EmptyText, Section } from './qms-ui';
import type { ReviewSummary } from './types-audit';

/** `/can-bo/chat-luong/:qmsId/xem-xet`: the management reviews of a QMS (TCVN ISO 9001:2015 §9.3), newest first. */
export default function ReviewsPage() {
  const t = useQualityT();
  const qmsId = idParam(useParams().qmsId);
  return qmsId === null ? <NotFound title={t('a.noSystem')} back={QUALITY_PATH} backLabel={t('a.back')} /> : <ReviewsView qmsId={qmsId} />;
}

function ReviewsView({ qmsId }: { qmsId: number }) {
  const t = useQualityT();
  const system = useSystem(qmsId);
  const reviews = useReviews(qmsId);
  const [creating, setCreating] = useState(false);
  const columns: ColumnsType<ReviewSummary> = [
    { title: t('rev.col.heldOn'), key: 'heldOn', width: 260, render: (_, r) => <Link to={reviewPath(r.id)} style={{ fontWeight: 600 }}>{t('rev.name', { date: formatDate(r.heldOn) })}</Link> },
    { title: t('rev.col.status'), key: 'status', width: 140, render: (_, r) => <ReviewStatusTag status={r.status} /> },
    { title: t('rev.chair'), key: 'chair', width: 200, render: (_, r) => r.chairName ?? <Muted>{t('rev.noChair')}</Muted> },
    { title: t('rev.col.decisions'), dataIndex: 'decisions', width: 110, align: 'right' },
    {
      title: t('rev.col.directive'), key: 'directive', width: 180,
      render: (_, r) => (r.directiveDocumentId ? <Link to={documentPath(r.directiveDocumentId)}>{t('rev.directiveOpen')}</Link> : <Muted>{t('a.none')}</Muted>),
    },
  ];
  const rows = [...(reviews.data ?? [])].sort((a, b) => b.heldOn.localeCompare(a.heldOn) || b.id - a.id);
  return (
    <>
      <PageHeader title={t('rev.title')} subtitle={t('rev.subtitle')}
        extra={system.data?.may.manage ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>{t('rev.create')}</Button> : null} />
      <QualityNav qmsId={qmsId} active="reviews" />
      <Section title={t('rev.table')}>
        {reviews.isError ? <ErrorResult variant="inline" error={reviews.error} onRetry={() => void reviews.refetch()} /> : (
          <Table<ReviewSummary> aria-label={t('rev.table')} rowKey="id" size="middle" columns={columns} dataSource={rows} pagination={false}
            loading={reviews.isFetching} scroll={{ x: 900 }} data-testid="reviews-table" locale={{ emptyText: <EmptyText>{t('rev.empty')}</EmptyText> }} />
        )}
      </Section>
      {creating ? <CreateDialog qmsId={qmsId} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

type Values = { heldOn: string; chairStaffId?: number; attendees?: string };

/** A review starts as a draft whose inputs are read live until it is held. */
function CreateDialog({ qmsId, onClose }: { qmsId: number; onClose: () => void }) {
  const t = useQualityT();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateReview(qmsId);
  return (
    <AuditModal<Values> title={t('rev.create')} okText={t('rev.create')} form={form} onClose={onClose} reload={() => undefined} initialValues={{ heldOn: todayInVietnam() }}
      send={async (v) => {
        const r = await create.mutateAsync({ heldOn: v.heldOn, ...(v.chairStaffId ? { chairStaffId: v.chairStaffId } : {}), ...(v.attendees?.trim() ? { attendees: v.attendees.trim() } : {}) });
        navigate(reviewPath(r.id));
      }}>
      <DateField name="heldOn" label={t('rev.heldOn')} required={t('a.required')} />
      <Form.Item name="chairStaffId" label={t('rev.chair')}><PeopleSelect qmsId={qmsId} noneLabel={t('rev.noChair')} aria-label={t('rev.chair')} /></Form.Item>
      <Form.Item name="attendees" label={t('rev.attendees')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
    </AuditModal>
  );
}
