import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Grid, Input, Row, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import type { TaskStatus } from '../directives/api';
import { documentPath, taskPath } from '../directives/paths';
import { TaskStatusTag } from '../directives/tags';
import { useAssignReview, useHoldReview, useReview } from './api-audits';
import { AuditModal } from './AuditDialogs';
import { BackLink, Muted, NotFound, ReviewStatusTag } from './audit-ui';
import { useQualityT } from './i18n';
import { QualityNav } from './QualityNav';
import { QUALITY_PATH, idParam, reviewsPath } from './paths';
import { History, Section, useQmsSubmit } from './qms-ui';
import { ReviewInputs } from './ReviewInputs';
import { ReviewMeetingForm } from './ReviewMeetingForm';
import type { ReviewDecision, ReviewDetail, ReviewTask } from './types-audit';
import './audit.css';

/**
 * `/can-bo/chat-luong/xem-xet/:id`: one management review — its inputs, the minutes and the leaders'
 * decisions (edited while a draft), holding it (the inputs are frozen), and the decisions assigned as
 * the tasks of a steering document, with their progress.
 */
export default function ReviewPage() {
  const t = useQualityT();
  const id = idParam(useParams().id);
  const review = useReview(id);
  if (id === null || (review.isError && isApiError(review.error) && review.error.status === 404)) {
    return <NotFound title={t('rev.notFound')} back={QUALITY_PATH} backLabel={t('a.back')} />;
  }
  if (review.isError) return <ErrorResult error={review.error} onRetry={() => void review.refetch()} />;
  if (!review.data) return <Card size="small"><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  return <ReviewView r={review.data} reload={() => review.refetch()} />;
}

const TASK_STATUSES: readonly string[] = ['new', 'assigned', 'in_progress', 'completion_requested', 'completed', 'cancelled'];

function ReviewView({ r, reload }: { r: ReviewDetail; reload: () => unknown }) {
  const t = useQualityT();
  const wide = Grid.useBreakpoint().xl ?? true;
  const { modal, message } = App.useApp();
  const hold = useHoldReview(r.id);
  const send = useQmsSubmit(null, reload);
  const [dirty, setDirty] = useState(false);
  const [assigning, setAssigning] = useState(false);
  const draft = r.status === 'draft';
  const mayHold = draft && r.may.hold;
  const mayAssign = r.status === 'held' && r.may.assign && !r.directiveDocumentId && r.decisions.length > 0;
  const confirmHold = () => {
    if (dirty) { void message.warning(t('rev.holdUnsaved')); return; }
    modal.confirm({
      title: t('rev.hold'), content: t('rev.holdConfirm'), okText: t('rev.hold'), cancelText: t('a.cancel'),
      onOk: async () => { if (await send.run(() => hold.mutateAsync({ version: r.version }))) void message.success(t('a.done')); },
    });
  };
  const title = t('rev.name', { date: formatDate(r.heldOn) });

  const actions = (
    <Card size="small" title={t('a.actions')}>
      {mayHold || mayAssign ? (
        <div className="mc-qms-actions" data-testid="review-actions">
          {mayHold ? <Button type="primary" onClick={confirmHold} loading={send.pending}>{t('rev.hold')}</Button> : null}
          {mayAssign ? <Button type="primary" onClick={() => setAssigning(true)}>{t('rev.assign')}</Button> : null}
        </div>
      ) : <Muted>{t('a.actions.none')}</Muted>}
      {send.problem ? <Alert type="error" showIcon role="alert" title={send.problem} style={{ marginTop: 8 }} /> : null}
    </Card>
  );

  return (
    <>
      <PageHeader title={title} subtitle={<ReviewStatusTag status={r.status} />}
        extra={<BackLink to={reviewsPath(r.qmsId)} label={t('rev.back')} />} />
      <QualityNav qmsId={r.qmsId} active="reviews" />
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={16}>
          {wide ? null : <div style={{ marginTop: 16 }}>{actions}</div>}
          <ReviewInputs inputs={r.inputs} />
          {draft && r.may.edit
            ? <ReviewMeetingForm key={r.version} r={r} reload={reload} onDirty={setDirty} />
            : <MeetingRecord r={r} />}
          {r.directiveDocumentId ? <Tasks r={r} /> : null}
          <Section title={t('a.history')}><History entity="review" events={r.history} /></Section>
        </Col>
        <Col xs={24} xl={8}>{wide ? <div style={{ marginTop: 16 }}>{actions}</div> : null}</Col>
      </Row>
      {assigning ? <AssignDialog r={r} onClose={() => setAssigning(false)} reload={reload} /> : null}
    </>
  );
}

/** The minutes and decisions as recorded (a held review, or a reader who may not edit). */
function MeetingRecord({ r }: { r: ReviewDetail }) {
  const t = useQualityT();
  const wide = Grid.useBreakpoint().md ?? true;
  const columns: ColumnsType<ReviewDecision & { n: number }> = [
    { title: '#', dataIndex: 'n', width: 48 },
    { title: t('rev.col.decision'), dataIndex: 'text', render: (v: string) => <span className="mc-qms-text">{v}</span> },
    { title: t('rev.col.owner'), key: 'owner', width: 200, render: (_, d) => d.ownerUnitName ?? d.ownerUnitId },
    { title: t('rev.col.due'), key: 'due', width: 110, render: (_, d) => formatDate(d.dueOn) },
  ];
  const rows = r.decisions.map((d, i) => ({ ...d, n: i + 1 }));
  return (
    <Section title={t('rev.meeting')} testId="review-meeting">
      <dl className="mc-qms-dl">
        <dt>{t('rev.chair')}</dt><dd>{r.chairName ?? <Muted>{t('rev.noChair')}</Muted>}</dd>
        <dt>{t('rev.attendees')}</dt><dd className="mc-qms-text">{r.attendees || <Muted>{t('a.none')}</Muted>}</dd>
        <dt>{t('rev.minutes')}</dt><dd className="mc-qms-text">{r.minutes || <Muted>{t('a.none')}</Muted>}</dd>
      </dl>
      <Typography.Title level={3} className="mc-qms-h3">{t('rev.decisions')}</Typography.Title>
      {!rows.length ? <Muted>{t('rev.decisions.empty')}</Muted> : wide ? (
        <Table aria-label={t('rev.decisions')} rowKey="n" size="small" columns={columns} dataSource={rows} pagination={false} data-testid="review-decisions" />
      ) : (
        <div role="list" aria-label={t('rev.decisions')} className="mc-qms-row-list">
          {rows.map((d) => (
            <div role="listitem" key={d.n} className="mc-qms-row">
              <p className="mc-qms-text"><strong>{d.n}.</strong> {d.text}</p>
              <Muted>{d.ownerUnitName ?? d.ownerUnitId} · {t('rev.col.due')}: {formatDate(d.dueOn)}</Muted>
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}

function Tasks({ r }: { r: ReviewDetail }) {
  const t = useQualityT();
  const wide = Grid.useBreakpoint().md ?? true;
  // The feed gives the directives module's code or its Vietnamese label.
  const status = (k: ReviewTask) => (TASK_STATUSES.includes(k.status) ? <TaskStatusTag status={k.status as TaskStatus} /> : <Tag className="mc-qms-tag">{k.status}</Tag>);
  const columns: ColumnsType<ReviewTask> = [
    { title: t('rev.col.task'), key: 'title', width: 300, render: (_, k) => <Link to={taskPath(k.id)}>{k.title}</Link> },
    { title: t('rev.col.lead'), key: 'lead', width: 200, render: (_, k) => k.leadUnitName ?? <Muted>{t('a.none')}</Muted> },
    { title: t('rev.col.due'), key: 'due', width: 110, render: (_, k) => (k.dueOn ? formatDate(k.dueOn) : <Muted>{t('a.none')}</Muted>) },
    {
      title: t('rev.col.progress'), key: 'status', width: 200,
      render: (_, k) => (
        <Flex gap={6} wrap align="center">
          {status(k)}
          {typeof k.progress === 'number' ? <Muted>{`${k.progress}%`}</Muted> : null}
        </Flex>
      ),
    },
  ];
  return (
    <Section title={t('rev.tasks')} testId="review-tasks"
      extra={<Link to={documentPath(r.directiveDocumentId!)}>{t('rev.directiveOpen')}</Link>}>
      {r.tasks === null ? <Muted>{t('a.notFound')}</Muted> : !wide ? (
        <div role="list" aria-label={t('rev.tasks.table')} className="mc-qms-row-list">
          {r.tasks.map((k) => (
            <div role="listitem" key={k.id} className="mc-qms-row">
              <Link to={taskPath(k.id)}>{k.title}</Link>
              <div><Muted>{k.leadUnitName ?? t('a.none')}{k.dueOn ? ` · ${t('rev.col.due')}: ${formatDate(k.dueOn)}` : ''}</Muted></div>
              <div style={{ marginTop: 4 }}>{status(k)}</div>
            </div>
          ))}
        </div>
      ) : (
        <Table<ReviewTask> aria-label={t('rev.tasks.table')} rowKey="id" size="small" columns={columns} dataSource={r.tasks} pagination={false}
          locale={{ emptyText: <Muted>{t('rev.tasks.empty')}</Muted> }} />
      )}
    </Section>
  );
}

/** "Giao nhiệm vụ": the decisions become the tasks of a steering document with the number given here. */
function AssignDialog({ r, onClose, reload }: { r: ReviewDetail; onClose: () => void; reload: () => unknown }) {
  const t = useQualityT();
  const [form] = Form.useForm<{ number: string }>();
  const assign = useAssignReview(r.id);
  return (
    <AuditModal<{ number: string }> title={t('rev.assignTitle')} okText={t('rev.assign')} form={form} onClose={onClose} reload={reload}
      send={(v) => assign.mutateAsync({ version: r.version, number: v.number.trim() })}>
      <Typography.Paragraph type="secondary">{t('rev.assignHint')}</Typography.Paragraph>
      <Form.Item name="number" label={t('rev.number')} rules={[{ required: true, whitespace: true, message: t('a.required') }]}>
        <Input maxLength={60} placeholder={t('rev.numberPlaceholder')} />
      </Form.Item>
    </AuditModal>
  );
}
