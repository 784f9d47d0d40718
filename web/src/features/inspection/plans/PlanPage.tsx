import { type ReactNode, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Grid, Result, Row, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowLeftOutlined, CheckOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { InspectionNav } from '../InspectionNav';
import { idParam } from '../paths';
import { History, Muted } from '../ui';
import { type PlanDetail, type PlanItem, usePlan } from './api-plans';
import { usePlansT } from './i18n';
import { ApproveDialog, EditPlanDialog, ItemDialog, RemoveItemDialog } from './PlanDialogs';
import { usePlanHistory } from './planHistory';
import { PLAN_MANAGE_ROLES, PLANS_PATH, inspectionPath, inspectionsOfPlanPath, openFromItemPath } from './paths';
import { InspectionStatusTag, PlanStatusTag, TopicTags } from './tags';
import { useCovers } from './units';
import '../inspection.css';
import './plans.css';

type Dialog = { kind: 'edit' | 'add' | 'approve' } | { kind: 'update' | 'remove'; item: PlanItem } | null;

/** `/can-bo/thanh-tra/ke-hoach/:id`: a plan with its inspections, the actions its state allows, and its history. */
export default function PlanPage() {
  const t = usePlansT();
  const id = idParam(useParams().id);
  const plan = usePlan(id);
  const back = <Link to={PLANS_PATH}><Button icon={<ArrowLeftOutlined aria-hidden />}>{t('plan.back')}</Button></Link>;
  if (id === null || (plan.isError && isApiError(plan.error) && plan.error.status === 404)) return <Result status="404" title={t('plan.notFound')} extra={back} />;
  if (plan.isError) return <ErrorResult error={plan.error} onRetry={() => void plan.refetch()} />;
  if (!plan.data) return <Card size="small"><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  return <PlanView p={plan.data} back={back} reload={() => plan.refetch()} />;
}

function PlanView({ p, back, reload }: { p: PlanDetail; back: ReactNode; reload: () => unknown }) {
  const t = usePlansT();
  const [dialog, setDialog] = useState<Dialog>(null);
  const history = usePlanHistory(p);
  const may = (a: PlanDetail['allowedActions'][number]) => p.allowedActions.includes(a);
  const close = () => setDialog(null);
  const opened = p.items.some((i) => i.inspection);
  const actions = (
    <Card size="small" title={t('plan.actions')} style={{ height: '100%' }}>
      <div className="mc-insp-actions" data-testid="plan-actions">
        {may('add_item') ? <Button icon={<PlusOutlined aria-hidden />} onClick={() => setDialog({ kind: 'add' })}>{t('act.add_item')}</Button> : null}
        {may('edit') ? <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ kind: 'edit' })}>{t('act.edit')}</Button> : null}
        {may('approve') ? <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setDialog({ kind: 'approve' })}>{t('act.approve')}</Button> : null}
        {opened ? <Link to={inspectionsOfPlanPath(p.id)}><Button>{t('plan.inspections')}</Button></Link> : null}
      </div>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>{p.status === 'approved' ? t('plan.approvedHint') : t('plan.draftHint')}</Typography.Paragraph>
    </Card>
  );
  return (
    <>
      <PageHeader title={<Flex gap={10} align="center" wrap><span>{p.title}</span><PlanStatusTag status={p.status} /></Flex>}
        subtitle={`${p.inspectingUnitName} · ${p.year}`} extra={back} />
      <InspectionNav />
      <Flex vertical gap={16}>
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <Card size="small" title={t('plan.facts')} style={{ height: '100%' }}>
              <Descriptions size="small" column={1} className="mc-insp-facts-1" items={[
                { key: 'unit', label: t('plan.inspectingUnit'), children: p.inspectingUnitName },
                { key: 'year', label: t('plan.year'), children: p.year },
                { key: 'decision', label: t('plan.decision'), children: p.decisionNo ? t('decision.full', { no: p.decisionNo, date: formatDate(p.decisionDate), signer: p.signer ?? '' }) : <Muted>{t('plan.notApproved')}</Muted> },
                { key: 'counts', label: t('plan.countLabel'), children: t('plan.counts', { n: p.itemCount, c: p.cancelledCount }) },
                ...(p.note ? [{ key: 'note', label: t('plan.note'), children: <p className="mc-insp-text">{p.note}</p> }] : []),
              ]} />
            </Card>
          </Col>
          <Col xs={24} lg={10}>{actions}</Col>
        </Row>
        <ItemsCard p={p} onEdit={(item) => setDialog({ kind: 'update', item })} onRemove={(item) => setDialog({ kind: 'remove', item })} />
        <Card size="small" title={t('plan.history')}><History entries={history} /></Card>
      </Flex>
      {dialog?.kind === 'edit' ? <EditPlanDialog plan={p} onClose={close} reload={reload} /> : null}
      {dialog?.kind === 'add' ? <ItemDialog plan={p} onClose={close} reload={reload} /> : null}
      {dialog?.kind === 'update' ? <ItemDialog plan={p} item={dialog.item} onClose={close} reload={reload} /> : null}
      {dialog?.kind === 'remove' ? <RemoveItemDialog plan={p} item={dialog.item} onClose={close} reload={reload} /> : null}
      {dialog?.kind === 'approve' ? <ApproveDialog plan={p} onClose={close} reload={reload} /> : null}
    </>
  );
}

/** The plan's inspections: each with the inspection opened from it, or the button to open it once the plan is approved. On a phone, a list. */
function ItemsCard({ p, onEdit, onRemove }: { p: PlanDetail; onEdit: (i: PlanItem) => void; onRemove: (i: PlanItem) => void }) {
  const t = usePlansT();
  const covers = useCovers();
  const wide = Grid.useBreakpoint().md ?? true;
  const mayOpen = p.status === 'approved' && covers(PLAN_MANAGE_ROLES, p.inspectingUnitId);
  const target = (i: PlanItem) => (
    <div>
      <Typography.Text strong>{i.targetUnitName}</Typography.Text>
      {i.note ? <div className="mc-insp-text"><Muted>{i.note}</Muted></div> : null}
      {i.cancelledOn ? <div><Typography.Text type="danger">{t('item.cancelled', { date: formatDate(i.cancelledOn), reason: i.cancelReason ?? '' })}</Typography.Text></div> : null}
    </div>
  );
  const period = (i: PlanItem) => t('period', { from: formatDate(i.plannedFrom), to: formatDate(i.plannedTo) });
  const inspection = (i: PlanItem) => {
    if (i.inspection) return <Flex vertical gap={4} align="flex-start"><Link to={inspectionPath(i.inspection.id)}>{t('item.link', { id: i.inspection.id })}</Link><InspectionStatusTag status={i.inspection.status} /></Flex>;
    if (i.cancelledOn) return null;
    return mayOpen ? <Link to={openFromItemPath(p.id, i.id)}><Button size="small" type="primary">{t('act.open')}</Button></Link> : <Muted>{t('item.notOpened')}</Muted>;
  };
  const actions = (i: PlanItem) => (i.cancelledOn ? null : (
    <Flex gap={4} wrap role="group" aria-label={t('act.itemActions', { unit: i.targetUnitName })}>
      {p.allowedActions.includes('update_item') ? <Button size="small" onClick={() => onEdit(i)}>{t('act.update_item')}</Button> : null}
      {p.allowedActions.includes('remove_item') && !i.inspection ? <Button size="small" onClick={() => onRemove(i)}>{t('act.remove_item')}</Button> : null}
    </Flex>
  ));
  const columns: ColumnsType<PlanItem> = [
    { title: t('item.target'), key: 'target', width: 200, render: (_, i) => target(i) },
    { title: t('item.topics'), key: 'topics', width: 220, render: (_, i) => <TopicTags topics={i.topics} /> },
    { title: t('item.period'), key: 'period', width: 120, render: (_, i) => period(i) },
    { title: t('item.lead'), key: 'lead', width: 150, render: (_, i) => i.lead?.fullName ?? <Muted>{t('none')}</Muted> },
    { title: t('item.inspection'), key: 'inspection', width: 150, render: (_, i) => inspection(i) },
    { title: t('plan.actions'), key: 'actions', width: 150, render: (_, i) => actions(i) },
  ];
  return (
    <Card size="small" title={t('plan.items')}>
      {p.status === 'draft' && p.items.length === 0 && p.allowedActions.includes('add_item')
        ? <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('plan.itemsEmpty')} /> : null}
      {wide ? (
        <Table<PlanItem> aria-label={t('plan.itemsTable')} rowKey="id" size="small" columns={columns} dataSource={p.items} pagination={false} scroll={{ x: 990 }}
          rowClassName={(i) => (i.cancelledOn ? 'mc-insp-cancelled' : '')} locale={{ emptyText: t('plan.itemsEmpty') }} />
      ) : p.items.length ? (
        <div role="list" aria-label={t('plan.itemsTable')}>
          {p.items.map((i) => (
            <Flex key={i.id} role="listitem" vertical gap={6} className="mc-insp-check-item">
              {target(i)}
              <TopicTags topics={i.topics} />
              <span>{t('item.period')}: {period(i)}</span>
              {i.lead ? <span>{t('item.lead')}: {i.lead.fullName}</span> : null}
              {inspection(i)}
              {actions(i)}
            </Flex>
          ))}
        </div>
      ) : <Muted>{t('plan.itemsEmpty')}</Muted>}
    </Card>
  );
}
