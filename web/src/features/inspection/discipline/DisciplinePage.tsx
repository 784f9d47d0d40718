import { type ReactNode, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Grid, Result, Row, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type DisciplineDetail, STEP_ORDER, type StepName, useDisciplineCase } from '../api-discipline';
import { useDisciplineT, useInspectionT } from '../i18n';
import { InspectionNav } from '../InspectionNav';
import { DISCIPLINE_PATH, casePath, idParam } from '../paths';
import { History, Muted } from '../ui';
import { BallotCard, ClocksCard, CouncilCard, DecisionCard, DeferralsCard, StepsCard } from './DisciplineCards';
import { BallotDialog, CouncilDialog } from './CouncilDialog';
import { CloseDialog, DecideDialog, DeferDialog, RecordStepDialog, ResumeDialog } from './DisciplineDialogs';
import { StageTag } from './DisciplineTags';
import { useDisciplineHistory } from './history';
import '../inspection.css';

/** `/can-bo/thanh-tra/ky-luat/:id`: one discipline case; the person under discipline reads it without the council's deliberations. */
export default function DisciplinePage() {
  const t = useDisciplineT();
  const id = idParam(useParams().id);
  const item = useDisciplineCase(id);
  const back = <Link to={DISCIPLINE_PATH}><Button icon={<ArrowLeftOutlined aria-hidden />}>{t('open.back')}</Button></Link>;
  if (id === null || (item.isError && isApiError(item.error) && item.error.status === 404)) return <Result status="404" title={t('detail.notFound')} extra={back} />;
  if (item.isError) return <ErrorResult error={item.error} onRetry={() => void item.refetch()} />;
  if (!item.data) return <Card size="small"><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  return <DisciplineView d={item.data} back={back} reload={() => item.refetch()} />;
}

type Acting = { kind: 'record_step'; step: StepName } | { kind: 'defer' | 'resume' | 'set_council' | 'record_ballot' | 'decide' | 'close' };

const STEP_KEY: Record<StepName, keyof DisciplineDetail['steps']> = {
  notice: 'notice', review_meeting: 'reviewMeeting', review_report: 'reviewReport', summons: 'summons', council_meeting: 'councilMeeting', recommendation: 'recommendation',
};

/**
 * The actions that make sense now among those the server allows: the next step of the procedure (the
 * council is set up between the review report and the summons, the ballot before the recommendation),
 * deferral or its end, the decision once the notice is given, and closing without discipline.
 */
export function offeredActions(d: DisciplineDetail): Acting[] {
  const allowed = new Set(d.allowedActions);
  const out: Acting[] = [];
  const next = STEP_ORDER.find((s) => !d.steps[STEP_KEY[s]]);
  const councilFirst = next === 'summons' && !d.steps.councilSetUp;
  // The recommendation follows a ballot in favour of discipline; after one against, the case is closed instead.
  const ballot = d.deliberations?.ballot;
  const ballotFirst = next === 'recommendation' && (!ballot || ballot.yes <= ballot.no);
  if (allowed.has('record_step') && next && !councilFirst && !ballotFirst) out.push({ kind: 'record_step', step: next });
  if (allowed.has('set_council') && d.steps.reviewReport && !d.steps.councilSetUp) out.push({ kind: 'set_council' });
  if (allowed.has('record_ballot') && d.steps.councilMeeting && !d.deliberations) out.push({ kind: 'record_ballot' });
  if (allowed.has('decide') && d.steps.notice) out.push({ kind: 'decide' });
  if (allowed.has('resume')) out.push({ kind: 'resume' });
  if (allowed.has('defer')) out.push({ kind: 'defer' });
  if (allowed.has('close')) out.push({ kind: 'close' });
  return out;
}

function DisciplineView({ d, back, reload }: { d: DisciplineDetail; back: ReactNode; reload: () => unknown }) {
  const t = useDisciplineT();
  const ti = useInspectionT();
  const wide = Grid.useBreakpoint().xl ?? true;
  const [acting, setActing] = useState<Acting | null>(null);
  const history = useDisciplineHistory(d);
  const offered = offeredActions(d);
  const close = () => setActing(null);
  const dialogProps = { detail: d, onClose: close, reload };
  const label = (a: Acting) => (a.kind === 'record_step' ? t('act.record_step', { step: t(`stepShort.${a.step}`) }) : t(`act.${a.kind}`));
  const actions = d.standing === 'subject' ? null : (
    <Card size="small" title={t('actions.title')}>
      {offered.length ? (
        <div className="mc-insp-actions" data-testid="discipline-actions">
          {offered.map((a) => (
            <Button key={a.kind} type={a.kind === 'record_step' || a.kind === 'decide' ? 'primary' : 'default'} danger={a.kind === 'close'} onClick={() => setActing(a)}>{label(a)}</Button>
          ))}
        </div>
      ) : <Muted>{t('actions.none')}</Muted>}
    </Card>
  );
  const prior = d.priorDecision;
  return (
    <>
      <PageHeader title={<Flex gap={10} align="center" wrap><span>{t('case.title', { id: d.id })}</span><StageTag stage={d.stage} /></Flex>}
        subtitle={[d.subject.fullName, d.subject.position, d.subject.unitName].filter(Boolean).join(' — ')} extra={back} />
      <InspectionNav />
      {d.standing === 'subject' ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('detail.subjectNotice')} data-testid="subject-notice" /> : null}
      {prior && d.status === 'open' ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={prior.minimumForm
          ? t('detail.prior', { form: t(`form.${prior.form}`), date: formatDate(prior.lapsesOn), min: t(`form.${prior.minimumForm}`) })
          : t('detail.priorTop', { form: t(`form.${prior.form}`), date: formatDate(prior.lapsesOn) })} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            {wide ? null : actions}
            <Facts d={d} />
            <DecisionCard d={d} />
            <ClocksCard d={d} />
            <StepsCard d={d} />
            <DeferralsCard d={d} />
            <BallotCard d={d} />
            <Card size="small" title={ti('history')}><History entries={history} /></Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            {wide ? actions : null}
            <CouncilCard d={d} />
          </Flex>
        </Col>
      </Row>
      {acting?.kind === 'record_step' ? <RecordStepDialog {...dialogProps} step={acting.step} /> : null}
      {acting?.kind === 'defer' ? <DeferDialog {...dialogProps} /> : null}
      {acting?.kind === 'resume' ? <ResumeDialog {...dialogProps} /> : null}
      {acting?.kind === 'set_council' ? <CouncilDialog {...dialogProps} /> : null}
      {acting?.kind === 'record_ballot' ? <BallotDialog {...dialogProps} /> : null}
      {acting?.kind === 'decide' ? <DecideDialog {...dialogProps} /> : null}
      {acting?.kind === 'close' ? <CloseDialog {...dialogProps} /> : null}
    </>
  );
}

function Facts({ d }: { d: DisciplineDetail }) {
  const t = useDisciplineT();
  const ti = useInspectionT();
  return (
    <Card size="small" title={t('facts.title')}>
      <Descriptions size="small" column={1} className="mc-insp-facts-1" items={[
        { key: 'subject', label: t('facts.subject'), children: <Typography.Text strong>{d.subject.fullName}</Typography.Text> },
        { key: 'unit', label: t('facts.unit'), children: d.unitName },
        { key: 'kind', label: t('facts.personKind'), children: t(`personKind.${d.personKind}`) },
        { key: 'post', label: t('facts.holdsPost'), children: ti(d.holdsPost ? 'yes' : 'no') },
        { key: 'offence', label: t('facts.offence'), children: <p className="mc-insp-text">{d.offenceSummary}</p> },
        ...(d.offenceEndedOn ? [{ key: 'ended', label: t('facts.offenceEnded'), children: formatDate(d.offenceEndedOn) }] : []),
        ...(d.offenceConcludedOn ? [{ key: 'concluded', label: t('facts.offenceConcluded'), children: formatDate(d.offenceConcludedOn) }] : []),
        ...(d.laterOffences.length ? [{ key: 'later', label: t('facts.later'), children: d.laterOffences.map(formatDate).join(', ') }] : []),
        { key: 'limitation', label: t('facts.limitation'), children: t(`limitation.${d.limitationClass}`) },
        { key: 'discovered', label: t('facts.discovered'), children: formatDate(d.discoveredOn) },
        { key: 'complex', label: t('facts.complex'), children: ti(d.complex ? 'yes' : 'no') },
        { key: 'forms', label: t('facts.forms'), children: d.formsAllowed.map((f) => t(`form.${f}`)).join(', ') },
        // The source case is linked for those who read cases; its page answers "not found" to anyone else.
        ...(d.sourceCaseId ? [{ key: 'source', label: t('facts.source'), children: <Link to={casePath(d.sourceCaseId)}>{t('facts.sourceValue', { id: d.sourceCaseId })}</Link> }] : []),
      ]} />
    </Card>
  );
}
