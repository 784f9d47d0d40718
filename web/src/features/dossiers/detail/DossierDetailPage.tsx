import { Alert, Button, Card, Col, Descriptions, Flex, Grid, Result, Row, Skeleton, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../../shared/api';
import { formatDateTime, formatMoney } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type DossierDetail, useDossier } from '../api';
import '../dossiers.css';
import { useDossierT } from '../i18n';
import { processingTimeText } from '../labels';
import { DOSSIERS_PATH } from '../roles';
import { StatusTag, TimelinessTag } from '../StatusTags';
import { ActionBar } from './ActionBar';
import { EventTimeline } from './EventTimeline';
import { HandoverTable } from './HandoverTable';
import { RouteSteps } from './RouteSteps';
import { SlipLinks } from './SlipLinks';
import { ResultDocumentsCard } from './ResultDocumentsCard';
import { DossierFiles } from '../files/DossierFiles';
import { RatingCodeCard } from '../../satisfaction/RatingCodeCard';
import { useSatisfactionT } from '../../satisfaction/messages';

function Facts({ d }: { d: DossierDetail }) {
  const t = useDossierT();
  const a = d.applicant;
  const organisation = a.kind === 'organisation';
  const contact = [a.phone, a.email, a.address].filter(Boolean).join(' · ');
  const code = organisation ? a.taxCode ?? a.idNumber : a.idNumber;
  const r = a.representative;
  const moved = d.originalDueAt && d.dueAt && d.originalDueAt !== d.dueAt;
  const assignee = [...d.handovers].reverse()[0]?.to?.name;
  const open = d.statusCode === 2 || d.statusCode === 4 || d.statusCode === 5 || d.statusCode === 6;
  const items = [
    { key: 'procedure', label: t('detail.procedure'), span: 2, children: <span>{d.procedureName}<Typography.Text type="secondary" style={{ marginInlineStart: 6 }}>({d.procedureCode})</Typography.Text></span> },
    ...(d.processingTime?.caseName ? [{ key: 'case', label: t('detail.case'), span: 2, children: d.processingTime.caseName }] : []),
    { key: 'applicant', label: t(organisation ? 'detail.organisation' : 'detail.applicant'), children: <strong>{a.fullName}</strong> },
    { key: 'code', label: t(organisation ? 'detail.taxCode' : 'detail.idNumber'), children: code ?? '—' },
    ...(r ? [{ key: 'rep', label: t(organisation ? 'detail.orgRepresentative' : 'detail.representative'), span: 2, children: [r.fullName, r.position, r.idNumber, r.authorisation].filter(Boolean).join(' · ') }] : []),
    { key: 'contact', label: t('detail.contact'), span: 2, children: contact || '—' },
    { key: 'received', label: t('detail.received'), children: formatDateTime(d.receivedAt) || '—' },
    {
      key: 'due',
      label: t('detail.due'),
      children: d.pausedSince ? (
        <Flex gap={8} wrap align="center" data-clock="paused">
          <span>{t('list.pausedSince', { at: formatDateTime(d.pausedSince) })}</span>
          <TimelinessTag value={d.timeliness} />
        </Flex>
      ) : d.dueAt ? (
        <Flex gap={8} wrap align="center">
          <strong>{formatDateTime(d.dueAt)}</strong>
          <TimelinessTag value={d.timeliness} />
          {moved ? <Typography.Text type="secondary">({t('detail.originalDue', { due: formatDateTime(d.originalDueAt) })})</Typography.Text> : null}
        </Flex>
      ) : '—',
    },
    { key: 'time', label: t('detail.processingTime'), children: processingTimeText(t, d.processingTime) || '—' },
    { key: 'channel', label: t('detail.channel'), children: `${t(`channel.${d.channel}`)} · ${t('detail.resultDelivery')}: ${t(`delivery.${d.resultDelivery}`).toLowerCase()}` },
    ...(open ? [{ key: 'assignee', label: t('detail.assignee'), children: assignee ?? <Typography.Text type="warning">{t('detail.unassigned')}</Typography.Text> }] : []),
    ...(d.completedAt ? [{ key: 'completed', label: t('detail.completed'), children: formatDateTime(d.completedAt) }] : []),
    ...(d.returnedAt ? [{ key: 'returned', label: t('detail.returned'), children: formatDateTime(d.returnedAt) }] : []),
    ...(d.paymentDue > 0 ? [{ key: 'payment', label: t('detail.fees'), children: t('detail.payment', { paid: formatMoney(d.paid), due: formatMoney(d.paymentDue) }) }] : []),
    {
      key: 'secret',
      label: t('detail.secret'),
      children: (
        <span title={t('detail.secretHint')}>
          <Typography.Text copyable code data-testid="lookup-secret">{d.lookupSecret}</Typography.Text>
        </span>
      ),
    },
  ];
  return <Descriptions className="mc-facts" size="small" column={{ xs: 1, md: 2 }} items={items} />;
}

/** One dossier: who, what, where it is on its route, what happened, and what can be done now. */
export default function DossierDetailPage() {
  const t = useDossierT();
  const { code = '' } = useParams();
  const dossier = useDossier(code);
  const st = useSatisfactionT();
  // On narrow screens the actions come right after the facts, not below the whole history.
  const wide = Grid.useBreakpoint().xl ?? true;
  const back = (
    <Link to={DOSSIERS_PATH}>
      <Button type="link" icon={<ArrowLeftOutlined aria-hidden />} style={{ paddingInline: 0 }}>
        {t('detail.back')}
      </Button>
    </Link>
  );
  if (dossier.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (dossier.isError) {
    if (isApiError(dossier.error) && dossier.error.status === 404) return <Result status="404" title={code} subTitle={t('detail.notFound')} extra={back} />;
    return <ErrorResult error={dossier.error} onRetry={() => void dossier.refetch()} />;
  }
  const d = dossier.data;
  const actions = (
    <Card size="small" title={t('detail.actions')}>
      <ActionBar dossier={d} />
    </Card>
  );
  return (
    <>
      {back}
      <PageHeader
        title={
          <Flex gap={10} align="center" wrap>
            <span className="mc-code">{d.code}</span>
            <StatusTag statusCode={d.statusCode} />
            {d.archived ? <Tag data-archived="true" style={{ marginInlineEnd: 0 }}>{t('detail.archivedTag')}</Tag> : null}
          </Flex>
        }
        subtitle={d.procedureName}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Flex vertical gap={16}>
            <Card size="small">
              <Facts d={d} />
              {d.pausedSince ? (
                <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('detail.paused', { at: formatDateTime(d.pausedSince), due: formatDateTime(d.dueAt) })} />
              ) : null}
              {d.archived ? <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('detail.archived', { at: formatDateTime(d.archivedAt) })} /> : null}
            </Card>
            {wide || d.archived ? null : actions}
            {d.route.length > 0 ? (
              <Card size="small" title={t('detail.route')}>
                <RouteSteps dossier={d} />
              </Card>
            ) : null}
            {d.handovers.length > 0 ? (
              <Card size="small" title={t('detail.handovers')}>
                <HandoverTable handovers={d.handovers} pausedSince={d.pausedSince} />
              </Card>
            ) : null}
            <Card size="small" title={t('detail.history')}>
              <EventTimeline events={d.events} />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={7}>
          <Flex vertical gap={16} className="mc-detail-side">
            {wide && !d.archived ? actions : null}
            <ResultDocumentsCard dossier={d} />
            <Card size="small" title={t('detail.slips')}>
              <SlipLinks dossier={d} />
            </Card>
            <Card size="small" title={t('files.card')}>
              <DossierFiles d={d} />
            </Card>
            {d.receivedAt && !d.archived ? (
              <Card size="small" title={st('code.card')}>
                <RatingCodeCard dossierCode={d.code} />
              </Card>
            ) : null}
          </Flex>
        </Col>
      </Row>
    </>
  );
}
