import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Grid, List, Row, Skeleton } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useAudit, useStartAudit } from './api-audits';
import { AuditChecklist } from './AuditChecklist';
import { FindingDialog, type FindingPrefill, ReportDialog } from './AuditDialogs';
import { AuditStatusTag, BackLink, FindingKindTag, Muted, NcStatusTag, NotFound } from './audit-ui';
import { useQualityT } from './i18n';
import { QualityNav } from './QualityNav';
import { QUALITY_PATH, auditsPath, idParam, nonconformityPath } from './paths';
import { History, Section, useQmsSubmit } from './qms-ui';
import type { AuditDetail } from './types-audit';
import './audit.css';

/** `/can-bo/chat-luong/danh-gia/:id`: one internal audit — its plan and team, the checklist, the findings and the report. */
export default function AuditPage() {
  const t = useQualityT();
  const id = idParam(useParams().id);
  const audit = useAudit(id);
  if (id === null || (audit.isError && isApiError(audit.error) && audit.error.status === 404)) {
    return <NotFound title={t('audit.notFound')} back={QUALITY_PATH} backLabel={t('a.back')} />;
  }
  if (audit.isError) return <ErrorResult error={audit.error} onRetry={() => void audit.refetch()} />;
  if (!audit.data) return <Card size="small"><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  return <AuditView a={audit.data} reload={() => audit.refetch()} />;
}

type Opened = { id: number; code: string };

function AuditView({ a, reload }: { a: AuditDetail; reload: () => unknown }) {
  const t = useQualityT();
  const wide = Grid.useBreakpoint().xl ?? true;
  const { modal, message } = App.useApp();
  const start = useStartAudit(a.id);
  const send = useQmsSubmit(null, reload);
  const [finding, setFinding] = useState<FindingPrefill | null>(null);
  const [reporting, setReporting] = useState(false);
  const [opened, setOpened] = useState<Opened | null>(null);
  const running = a.status === 'in_progress';
  const mayStart = a.status === 'planned' && a.may.edit;
  const mayFind = running && a.may.edit;
  const mayReport = running && a.may.report;

  const confirmStart = () => modal.confirm({
    title: t('audit.start'), content: t('audit.startConfirm'), okText: t('audit.start'), cancelText: t('a.cancel'),
    onOk: async () => { if (await send.run(() => start.mutateAsync({ version: a.version }))) void message.success(t('a.done')); },
  });
  const heardOfFinding = (before: number[], after: AuditDetail) => {
    const added = after.findings.find((f) => !before.includes(f.id))?.nonconformity;
    setOpened(after.raised ?? (added ? { id: added.id, code: added.code } : null));
  };

  const actions = (
    <Card size="small" title={t('a.actions')}>
      {mayStart || mayFind || mayReport ? (
        <div className="mc-qms-actions" data-testid="audit-actions">
          {mayStart ? <Button type="primary" onClick={confirmStart} loading={send.pending}>{t('audit.start')}</Button> : null}
          {mayFind ? <Button icon={<PlusOutlined aria-hidden />} onClick={() => setFinding({})}>{t('audit.addFinding')}</Button> : null}
          {mayReport ? <Button type="primary" onClick={() => setReporting(true)}>{t('audit.report')}</Button> : null}
        </div>
      ) : <Muted>{t('a.actions.none')}</Muted>}
      {send.problem ? <Alert type="error" showIcon role="alert" title={send.problem} style={{ marginTop: 8 }} /> : null}
    </Card>
  );

  const team = (
    <Section title={t('audit.team')} testId="audit-team">
      {a.team.length ? (
        <List size="small" dataSource={a.team} renderItem={(m) => (
          <List.Item><span>{m.name}</span><Muted>{m.role === 'lead' ? t('role.lead') : t('role.member')}</Muted></List.Item>
        )} />
      ) : <Muted>{t('audit.team.empty')}</Muted>}
    </Section>
  );

  return (
    <>
      <PageHeader title={a.title} subtitle={<AuditStatusTag status={a.status} />} extra={<BackLink to={auditsPath(a.qmsId)} label={t('audit.back')} />} />
      <QualityNav qmsId={a.qmsId} active="audits" />
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={16}>
          {wide ? null : <div style={{ marginTop: 16 }}>{actions}</div>}
          <PlanCard a={a} />
          {wide ? null : team}
          {a.status === 'reported' ? (
            <Section title={t('audit.reportCard')} testId="audit-report">
              <Muted>{t('audit.reportedOn', { date: formatDate(a.reportedOn) })}</Muted>
              <p className="mc-qms-text" style={{ marginTop: 8 }}>{a.reportSummary}</p>
            </Section>
          ) : null}
          <AuditChecklist audit={a} reload={reload} onFinding={(p) => setFinding(p)} />
          <Section title={t('audit.findings')} testId="audit-findings">
            {opened ? (
              <Alert type="success" showIcon style={{ marginBottom: 12 }} data-testid="nc-opened"
                title={<>{t('audit.ncOpened')} <Link to={nonconformityPath(opened.id)} style={{ textDecoration: 'underline' }}>{t('audit.ncOpen', { code: opened.code })}</Link></>} />
            ) : null}
            {a.findings.length ? (
              <List size="small" dataSource={a.findings} renderItem={(f) => (
                <List.Item>
                  <Flex vertical gap={4} style={{ minWidth: 0 }}>
                    <Flex gap={8} wrap align="center">
                      <FindingKindTag kind={f.kind} />
                      {f.clause ? <Muted>{t('audit.findingClause', { clause: f.clause })}</Muted> : null}
                      {f.nonconformity ? (
                        <>
                          <Link to={nonconformityPath(f.nonconformity.id)} className="mc-code">{f.nonconformity.code}</Link>
                          <NcStatusTag status={f.nonconformity.status} />
                        </>
                      ) : null}
                    </Flex>
                    <p className="mc-qms-text">{f.description}</p>
                    {f.evidence ? <Muted>{t('audit.findingEvidence', { text: f.evidence })}</Muted> : null}
                  </Flex>
                </List.Item>
              )} />
            ) : <Muted>{t('audit.findings.empty')}</Muted>}
          </Section>
          <Section title={t('a.history')}><History entity="audit" events={a.history} /></Section>
        </Col>
        <Col xs={24} xl={8}>
          {wide ? <div style={{ marginTop: 16 }}>{actions}</div> : null}
          {wide ? team : null}
        </Col>
      </Row>
      {finding ? <FindingDialog audit={a} prefill={finding} onClose={() => setFinding(null)} reload={reload} onOpened={heardOfFinding} /> : null}
      {reporting ? <ReportDialog audit={a} onClose={() => setReporting(false)} reload={reload} /> : null}
    </>
  );
}

function PlanCard({ a }: { a: AuditDetail }) {
  const t = useQualityT();
  return (
    <Section title={t('audit.plan')} testId="audit-plan">
      <Descriptions size="small" column={1} items={[
        { key: 'year', label: t('audit.year'), children: a.year },
        { key: 'dates', label: t('audit.dates'), children: t('a.period', { from: formatDate(a.plannedFrom), to: formatDate(a.plannedTo) }) },
        ...(a.criteria ? [{ key: 'criteria', label: t('audit.criteria'), children: <span className="mc-qms-text">{a.criteria}</span> }] : []),
        {
          key: 'processes', label: t('audit.processes'),
          children: a.processes.length ? <Flex vertical gap={2}>{a.processes.map((p) => <span key={p.id}>{p.code} — {p.name}</span>)}</Flex> : <Muted>{t('a.none')}</Muted>,
        },
      ]} />
    </Section>
  );
}
