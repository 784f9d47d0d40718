import { type ReactNode, useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Flex, Grid, List, Result, Row, Skeleton, Typography } from 'antd';
import { ArrowLeftOutlined, LockOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { hasAnyRole, useAuth } from '../../../shared/auth';
import { formatDate } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type CaseActionName, type CaseDetail, useCase } from '../api-cases';
import { useCasesT, useDisciplineT, useInspectionT } from '../i18n';
import { InspectionNav } from '../InspectionNav';
import { CASES_PATH, DISCIPLINE_MANAGE_ROLES, disciplineFromCasePath, disciplinePath, idParam } from '../paths';
import { History, Muted } from '../ui';
import { CaseActionDialog } from './CaseDialogs';
import { CaseClockTag, CaseKindTag, CaseStatusTag, useClockLabel } from './CaseTags';
import { useCaseHistory } from './history';
import '../inspection.css';

/** `/can-bo/thanh-tra/don/:id`: one case with its clocks, the petitioner (or the notice that it is secret), team, history and actions. */
export default function CasePage() {
  const t = useCasesT();
  const id = idParam(useParams().id);
  const item = useCase(id);
  const back = <Link to={CASES_PATH}><Button icon={<ArrowLeftOutlined aria-hidden />}>{t('case.back')}</Button></Link>;
  if (id === null || (item.isError && isApiError(item.error) && item.error.status === 404)) return <Result status="404" title={t('case.notFound')} extra={back} />;
  if (item.isError) return <ErrorResult error={item.error} onRetry={() => void item.refetch()} />;
  if (!item.data) return <Card size="small"><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  return <CaseView d={item.data} back={back} reload={() => item.refetch()} />;
}

function CaseView({ d, back, reload }: { d: CaseDetail; back: ReactNode; reload: () => unknown }) {
  const t = useCasesT();
  const ti = useInspectionT();
  const td = useDisciplineT();
  const { user } = useAuth();
  const wide = Grid.useBreakpoint().xl ?? true;
  const [acting, setActing] = useState<CaseActionName | null>(null);
  const history = useCaseHistory(d);
  // The server opens a discipline file from a complaint or denunciation concluded as (partly) founded about a named official.
  const leadsToDiscipline = d.kind !== 'not_eligible' && d.status === 'concluded' && (d.outcome === 'founded' || d.outcome === 'partly_founded')
    && d.subjectStaff !== null && hasAnyRole(user, DISCIPLINE_MANAGE_ROLES);
  const opened = d.disciplineCaseIds ?? [];
  const actions = (
    <Card size="small" title={t('actions.title')}>
      {d.allowedActions.length ? (
        <div className="mc-insp-actions" data-testid="case-actions">
          {d.allowedActions.map((a) => (
            <Button key={a} type={a === 'accept' || a === 'conclude' ? 'primary' : 'default'} danger={a === 'refuse'} onClick={() => setActing(a)}>{t(`act.${a}`)}</Button>
          ))}
        </div>
      ) : <Muted>{t('actions.none')}</Muted>}
      {leadsToDiscipline ? (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Typography.Text type="secondary">{t('toDiscipline.hint')}</Typography.Text>
          <Link to={disciplineFromCasePath(d.id)}><Button type={opened.length ? 'default' : 'primary'} icon={<SafetyCertificateOutlined aria-hidden />}>{t('toDiscipline')}</Button></Link>
        </Flex>
      ) : null}
      {opened.length ? (
        <div style={{ marginTop: 12 }} data-testid="discipline-links">
          <Typography.Text type="secondary">{t('toDiscipline.opened')}</Typography.Text>{' '}
          {opened.map((id, i) => <span key={id}>{i ? ', ' : ''}<Link to={disciplinePath(id)}>{td('case.title', { id })}</Link></span>)}
        </div>
      ) : null}
    </Card>
  );
  return (
    <>
      <PageHeader title={<Flex gap={10} align="center" wrap><span>{t('case.title', { id: d.id })}</span><CaseKindTag kind={d.kind} /><CaseStatusTag status={d.status} /></Flex>}
        subtitle={[d.subjectUnitName, d.subjectStaff?.fullName].filter(Boolean).join(' — ')} extra={back} />
      <InspectionNav />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            {wide ? null : actions}
            <Facts d={d} />
            {d.status === 'concluded' ? <Conclusion d={d} /> : null}
            <Clocks d={d} />
            <Card size="small" title={ti('history')}><History entries={history} /></Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            {wide ? actions : null}
            <PartyCard d={d} />
            <TeamCard d={d} />
          </Flex>
        </Col>
      </Row>
      {acting ? <CaseActionDialog action={acting} detail={d} onClose={() => setActing(null)} reload={reload} /> : null}
    </>
  );
}

function Facts({ d }: { d: CaseDetail }) {
  const t = useCasesT();
  const ti = useInspectionT();
  const yes = (b: boolean) => ti(b ? 'yes' : 'no');
  const complaint = d.kind === 'complaint_first' || d.kind === 'complaint_second';
  return (
    <Card size="small" title={t('facts.title')}>
      <Descriptions size="small" column={1} className="mc-insp-facts-1" items={[
        { key: 'handling', label: t('facts.handling'), children: d.handlingUnitName },
        { key: 'channel', label: t('facts.channel'), children: [t(`channel.${d.channel}`), d.sourceRef].filter(Boolean).join(' — ') },
        { key: 'received', label: t('facts.received'), children: formatDate(d.receivedOn) },
        ...(d.learnedOn ? [{ key: 'learned', label: t('facts.learnedOn'), children: formatDate(d.learnedOn) }] : []),
        { key: 'subject', label: t('facts.subject'), children: [d.subjectUnitName, d.subjectStaff?.fullName].filter(Boolean).join(' — ') },
        { key: 'complexity', label: t('facts.complexity'), children: t(`complexity.${d.complexity}`) },
        ...(complaint ? [{ key: 'remote', label: t('facts.remote'), children: yes(d.remoteArea) }] : []),
        ...(d.kind === 'denunciation' ? [{ key: 'places', label: t('facts.severalPlaces'), children: yes(d.severalPlaces) }] : []),
        ...(d.acceptedOn ? [{ key: 'accepted', label: t('facts.accepted'), children: formatDate(d.acceptedOn) }] : []),
        ...(d.refusedOn ? [{ key: 'refused', label: t('facts.refused'), children: t('facts.refusedValue', { date: formatDate(d.refusedOn), reason: d.refusalReason ?? '' }) }] : []),
        ...(d.extensions.length ? [{ key: 'ext', label: t('facts.extensions'), children: t('facts.extensionsValue', { n: d.extensions.length, days: d.extensions.reduce((a, b) => a + b, 0) }) }] : []),
        { key: 'summary', label: t('facts.summary'), children: <p className="mc-insp-text" data-testid="case-summary">{d.summary}</p> },
      ]} />
    </Card>
  );
}

function Conclusion({ d }: { d: CaseDetail }) {
  const t = useCasesT();
  return (
    <Card size="small" title={t('conclusion.title')}>
      <Descriptions size="small" column={1} className="mc-insp-facts-1" items={[
        { key: 'outcome', label: t('conclusion.outcome'), children: d.outcome ? t(`outcome.${d.outcome}`) : '' },
        { key: 'doc', label: t('conclusion.document'), children: t('conclusion.documentValue', { no: d.decisionNo ?? '', date: formatDate(d.decisionDate) }) },
        { key: 'pub', label: t('conclusion.publication'), children: d.published ? t('conclusion.published', { date: formatDate(d.publishedOn) }) : t('conclusion.notPublished') },
      ]} />
      {d.conclusion ? <p className="mc-insp-text" style={{ marginTop: 8 }}>{d.conclusion}</p> : null}
    </Card>
  );
}

function Clocks({ d }: { d: CaseDetail }) {
  const t = useCasesT();
  const ti = useInspectionT();
  const locale = useLocale();
  const label = useClockLabel();
  return (
    <Card size="small" title={t('clocks.title')}>
      {d.clocks.length ? (
        <List size="small" dataSource={d.clocks} data-testid="case-clocks" renderItem={(c) => (
          <List.Item>
            <Flex vertical gap={4} style={{ width: '100%' }}>
              <Flex justify="space-between" gap={8} wrap>
                <Typography.Text strong>{label(c, locale)}</Typography.Text>
                <CaseClockTag clock={c} label={label(c, locale)} />
              </Flex>
              <Muted>
                {[ti('clock.due', { date: formatDate(c.dueOn) }), t('clocks.period', { period: ti(`clock.period.${c.period.kind}`, { n: c.period.days }) }),
                  c.latestPossibleOn && c.latestPossibleOn !== c.dueOn && !c.doneOn ? t('clocks.latest', { date: formatDate(c.latestPossibleOn) }) : null].filter(Boolean).join(' · ')}
              </Muted>
            </Flex>
          </List.Item>
        )} />
      ) : <Muted>{t('clocks.empty')}</Muted>}
    </Card>
  );
}

/** The petitioner: shown to whoever the server gave it to; for everyone else only the notice that it is secret. */
function PartyCard({ d }: { d: CaseDetail }) {
  const t = useCasesT();
  const p = d.party;
  return (
    <Card size="small" title={t('party.title')} className={d.identityProtected ? 'mc-insp-secret' : undefined} data-testid="case-party">
      {p ? (
        <>
          {d.identityProtected ? <Alert type="warning" showIcon icon={<LockOutlined aria-hidden />} style={{ marginBottom: 8 }} title={t('party.secretTeam')} /> : null}
          <Descriptions size="small" column={1} items={[
            { key: 'name', label: t('field.fullName'), children: p.fullName },
            ...(p.idNumber ? [{ key: 'id', label: t('field.idNumber'), children: p.idNumber }] : []),
            ...(p.address ? [{ key: 'address', label: t('field.address'), children: p.address }] : []),
            ...(p.phone ? [{ key: 'phone', label: t('field.phone'), children: p.phone }] : []),
            ...(p.email ? [{ key: 'email', label: t('field.email'), children: p.email }] : []),
          ]} />
        </>
      ) : d.identityProtected ? (
        <Alert type="info" showIcon icon={<LockOutlined aria-hidden />} title={t('party.secret')} data-testid="party-secret" />
      ) : <Muted>{t('party.none')}</Muted>}
    </Card>
  );
}

function TeamCard({ d }: { d: CaseDetail }) {
  const t = useCasesT();
  const { user } = useAuth();
  const me = (user as { staffId?: number } | null)?.staffId;
  return (
    <Card size="small" title={t('team.title')}>
      {d.team.length ? (
        <List size="small" dataSource={d.team} renderItem={(m) => (
          <List.Item>
            <span>{m.fullName} {m.staffId === me ? <Muted>{t('team.you')}</Muted> : null}</span>
            <Muted>{t(`team.${m.role}`)}</Muted>
          </List.Item>
        )} />
      ) : <Muted>{t('team.empty')}</Muted>}
    </Card>
  );
}
