import { type ReactNode, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Grid, List, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { InspectionNav } from '../InspectionNav';
import { idParam } from '../paths';
import { History, Muted } from '../ui';
import { type InspectionActionName, type InspectionDetail, useInspection } from './api-inspections';
import { ChecklistCard } from './ChecklistCard';
import { ConcludeDialog } from './ConcludeDialog';
import { FindingsCard } from './FindingsCard';
import { useInspectionsT, usePlansT } from './i18n';
import { CancelDialog, EditDialog, StartDialog, TeamDialog } from './InspectionDialogs';
import { useInspectionHistory } from './inspectionHistory';
import { INSPECTIONS_PATH, planPath } from './paths';
import { RecommendationsCard } from './RecommendationsCard';
import { InspectionStatusTag, KindTag, TopicTags } from './tags';
import { useMyStaffId } from './units';
import '../inspection.css';
import './plans.css';

/** The actions of the page's action card; the record's own (checklist, findings, recommendations) sit in their cards. */
const PAGE_ACTIONS: readonly InspectionActionName[] = ['start', 'conclude', 'edit', 'set_team', 'cancel'];
type PageAction = 'start' | 'conclude' | 'edit' | 'set_team' | 'cancel';

/** `/can-bo/thanh-tra/cuoc-thanh-tra/:id`: one inspection with its record, conclusion and recommendations, as the server gives it to the caller. */
export default function InspectionPage() {
  const t = useInspectionsT();
  const id = idParam(useParams().id);
  const item = useInspection(id);
  const back = <Link to={INSPECTIONS_PATH}><Button icon={<ArrowLeftOutlined aria-hidden />}>{t('insp.back')}</Button></Link>;
  if (id === null || (item.isError && isApiError(item.error) && item.error.status === 404)) return <Result status="404" title={t('insp.notFound')} extra={back} />;
  if (item.isError) return <ErrorResult error={item.error} onRetry={() => void item.refetch()} />;
  if (!item.data) return <Card size="small"><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  return <InspectionView d={item.data} back={back} reload={() => item.refetch()} />;
}

function InspectionView({ d, back, reload }: { d: InspectionDetail; back: ReactNode; reload: () => unknown }) {
  const t = useInspectionsT();
  const wide = Grid.useBreakpoint().xl ?? true;
  const [acting, setActing] = useState<PageAction | null>(null);
  const history = useInspectionHistory(d);
  const offered = PAGE_ACTIONS.filter((a) => d.allowedActions.includes(a)) as PageAction[];
  const dialog = { d, onClose: () => setActing(null), reload };
  const actions = (
    <Card size="small" title={t('actions.title')}>
      {offered.length ? (
        <div className="mc-insp-actions" data-testid="inspection-actions">
          {offered.map((a) => (
            <Button key={a} type={a === 'start' || a === 'conclude' ? 'primary' : 'default'} onClick={() => setActing(a)}>{t(`act.${a}`)}</Button>
          ))}
        </div>
      ) : <Muted>{t('actions.none')}</Muted>}
    </Card>
  );
  return (
    <>
      <PageHeader title={<Flex gap={10} align="center" wrap><span>{t('insp.title', { id: d.id })}</span><KindTag kind={d.kind} /><InspectionStatusTag status={d.status} /></Flex>}
        subtitle={`${d.targetUnitName} — ${d.inspectingUnitName}`} extra={back} />
      <InspectionNav />
      {d.view === 'inspected' ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('insp.inspectedView')} data-testid="inspected-view" /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            {wide ? null : actions}
            <Facts d={d} />
            <Conclusion d={d} />
            <RecommendationsCard d={d} reload={reload} />
            <ChecklistCard d={d} reload={reload} />
            <FindingsCard d={d} reload={reload} />
            {d.view === 'inspecting' ? <Card size="small" title={t('log.title')}><History entries={history} /></Card> : null}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            {wide ? actions : null}
            <TeamCard d={d} />
          </Flex>
        </Col>
      </Row>
      {acting === 'edit' ? <EditDialog {...dialog} /> : null}
      {acting === 'set_team' ? <TeamDialog {...dialog} /> : null}
      {acting === 'start' ? <StartDialog {...dialog} /> : null}
      {acting === 'cancel' ? <CancelDialog {...dialog} /> : null}
      {acting === 'conclude' ? <ConcludeDialog {...dialog} /> : null}
    </>
  );
}

function Facts({ d }: { d: InspectionDetail }) {
  const t = useInspectionsT();
  const tp = usePlansT();
  const period = (from: string, to: string) => tp('period', { from: formatDate(from), to: formatDate(to) });
  return (
    <Card size="small" title={t('facts.title')}>
      <Descriptions size="small" column={1} className="mc-insp-facts-1" items={[
        { key: 'inspecting', label: t('facts.inspecting'), children: d.inspectingUnitName },
        { key: 'target', label: t('facts.target'), children: d.targetUnitName },
        { key: 'kind', label: t('facts.kind'), children: <KindTag kind={d.kind} /> },
        ...(d.planId ? [{ key: 'plan', label: t('facts.plan'), children: d.view === 'inspecting' ? <Link to={planPath(d.planId)}>{t('facts.planLink', { id: d.planId })}</Link> : t('facts.planLink', { id: d.planId }) }] : []),
        ...(d.surpriseReason ? [{ key: 'reason', label: t('facts.surpriseReason'), children: <p className="mc-insp-text">{d.surpriseReason}</p> }] : []),
        ...(d.triggerRef ? [{ key: 'trigger', label: t('facts.trigger'), children: d.triggerRef }] : []),
        { key: 'topics', label: t('facts.topics'), children: <TopicTags topics={d.topics} /> },
        { key: 'decision', label: t('facts.decision'), children: d.decisionNo ? tp('decision.short', { no: d.decisionNo, date: formatDate(d.decisionDate) }) : <Muted>{t('facts.noDecision')}</Muted> },
        { key: 'covers', label: t('facts.covers'), children: period(d.coversFrom, d.coversTo) },
        { key: 'onSite', label: t('facts.onSite'), children: period(d.onSiteFrom, d.onSiteTo) },
        ...(d.startedOn ? [{ key: 'started', label: t('facts.started'), children: formatDate(d.startedOn) }] : []),
        ...(d.closedOn ? [{ key: 'closed', label: t('facts.closed'), children: formatDate(d.closedOn) }] : []),
        ...(d.cancelledReason ? [{ key: 'cancelled', label: t('facts.cancelled'), children: <p className="mc-insp-text">{d.cancelledReason}</p> }] : []),
      ]} />
    </Card>
  );
}

function Conclusion({ d }: { d: InspectionDetail }) {
  const t = useInspectionsT();
  if (!d.conclusion) return null;
  const c = d.conclusion;
  return (
    <Card size="small" title={t('conclusion.title')} data-testid="conclusion">
      <Typography.Text strong>{t('conclusion.doc', { no: c.no, date: formatDate(c.date), signer: c.signer })}</Typography.Text>
      <p className="mc-insp-text" style={{ marginTop: 8 }}>{c.summary}</p>
    </Card>
  );
}

function TeamCard({ d }: { d: InspectionDetail }) {
  const t = useInspectionsT();
  const me = useMyStaffId();
  return (
    <Card size="small" title={t('team.title')} extra={d.onTeam ? <Tag color="blue">{t('insp.onTeam')}</Tag> : null}>
      {d.team.length ? (
        <List size="small" dataSource={d.team} data-testid="team" renderItem={(m) => (
          <List.Item>
            <Flex vertical>
              <span>{m.fullName} {m.staffId === me ? <Muted>{t('team.you')}</Muted> : null}</span>
              {m.unitName ? <Muted>{m.unitName}</Muted> : null}
            </Flex>
            <Muted>{t(`team.${m.role}`)}</Muted>
          </List.Item>
        )} />
      ) : <Muted>{t('team.empty')}</Muted>}
    </Card>
  );
}
