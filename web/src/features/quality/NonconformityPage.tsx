import { useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Grid, List, Row, Skeleton, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CheckOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useCloseNonconformity, useNonconformity } from './api-audits';
import { BackLink, Muted, NcStatusTag, NotFound, SignalEvidenceView, useSourceLabel, useVerificationState } from './audit-ui';
import { useQualityT } from './i18n';
import { DoneDialog, PlanDialog, VerifyDialog } from './NonconformityDialogs';
import { QualityNav } from './QualityNav';
import { QUALITY_PATH, auditPath, idParam, nonconformitiesPath } from './paths';
import { History, Section, useQmsSubmit } from './qms-ui';
import { type NcAction, type NcDetail, type NcVerification, SIGNAL_SOURCES } from './types-audit';
import './audit.css';

/**
 * `/can-bo/chat-luong/kph/:id`: one nonconformity — where it came from and its evidence, the correction
 * and root cause, the corrective actions, the verification of their effectiveness and the closing. Only
 * the steps the server lists in `allowedSteps` are offered.
 */
export default function NonconformityPage() {
  const t = useQualityT();
  const id = idParam(useParams().id);
  const nc = useNonconformity(id);
  if (id === null || (nc.isError && isApiError(nc.error) && nc.error.status === 404)) {
    return <NotFound title={t('ncp.notFound')} back={QUALITY_PATH} backLabel={t('a.back')} />;
  }
  if (nc.isError) return <ErrorResult error={nc.error} onRetry={() => void nc.refetch()} />;
  if (!nc.data) return <Card size="small"><Skeleton active paragraph={{ rows: 10 }} /></Card>;
  return <NcView nc={nc.data} reload={() => nc.refetch()} />;
}

type Dialog = { kind: 'plan' } | { kind: 'verify' } | { kind: 'done'; action: NcAction };

function NcView({ nc, reload }: { nc: NcDetail; reload: () => unknown }) {
  const t = useQualityT();
  const wide = Grid.useBreakpoint().xl ?? true;
  const { modal, message } = App.useApp();
  const close = useCloseNonconformity(nc.id);
  const send = useQmsSubmit(null, reload);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const may = (s: NcDetail['allowedSteps'][number]) => nc.allowedSteps.includes(s);
  // The server lists the step as soon as the status allows it; before the window opens it would refuse.
  const mayVerify = (may('verify_effective') || may('verify_not_effective')) && nc.verification?.state !== 'not_yet';
  const confirmClose = () => modal.confirm({
    title: t('ncp.close'), content: t('ncp.closeConfirm', { code: nc.code }), okText: t('ncp.close'), cancelText: t('a.cancel'),
    onOk: async () => { if (await send.run(() => close.mutateAsync({ version: nc.version }))) void message.success(t('a.done')); },
  });
  const dialogProps = { nc, onClose: () => setDialog(null), reload };

  const actions = (
    <Card size="small" title={t('a.actions')}>
      {may('plan') || mayVerify || may('close') ? (
        <div className="mc-qms-actions" data-testid="nc-actions">
          {may('plan') ? <Button type={nc.actions.length ? 'default' : 'primary'} onClick={() => setDialog({ kind: 'plan' })}>{nc.actions.length ? t('ncp.replan') : t('ncp.plan')}</Button> : null}
          {mayVerify ? <Button type="primary" onClick={() => setDialog({ kind: 'verify' })}>{t('ncp.verify')}</Button> : null}
          {may('close') ? <Button type="primary" onClick={confirmClose} loading={send.pending}>{t('ncp.close')}</Button> : null}
        </div>
      ) : <Muted>{t('a.actions.none')}</Muted>}
      {send.problem ? <Alert type="error" showIcon role="alert" title={send.problem} style={{ marginTop: 8 }} /> : null}
    </Card>
  );

  return (
    <>
      <PageHeader title={nc.code} subtitle={<><NcStatusTag status={nc.status} /> {nc.title}</>} extra={<BackLink to={nonconformitiesPath(nc.qmsId)} label={t('ncp.back')} />} />
      <QualityNav qmsId={nc.qmsId} active="nonconformities" />
      <Row gutter={[16, 0]}>
        <Col xs={24} xl={16}>
          {wide ? null : <div style={{ marginTop: 16 }}>{actions}</div>}
          <SourceCard nc={nc} />
          <Section title={t('ncp.correction')} testId="nc-correction">
            {nc.rootCause || nc.correction ? (
              <dl className="mc-qms-dl">
                {nc.correction ? <><dt>{t('ncp.correctionLabel')}</dt><dd className="mc-qms-text">{nc.correction}</dd></> : null}
                {nc.rootCause ? <><dt>{t('ncp.rootCause')}</dt><dd className="mc-qms-text">{nc.rootCause}</dd></> : null}
              </dl>
            ) : <Muted>{t('ncp.notPlanned')}</Muted>}
          </Section>
          <ActionsCard nc={nc} onDone={(action) => setDialog({ kind: 'done', action })} />
          <VerificationCard nc={nc} />
          <Section title={t('a.history')}><History entity="nc" events={nc.history} /></Section>
        </Col>
        <Col xs={24} xl={8}>
          {wide ? <div style={{ marginTop: 16 }}>{actions}</div> : null}
        </Col>
      </Row>
      {dialog?.kind === 'plan' ? <PlanDialog {...dialogProps} /> : null}
      {dialog?.kind === 'verify' ? <VerifyDialog {...dialogProps} /> : null}
      {dialog?.kind === 'done' ? <DoneDialog {...dialogProps} action={dialog.action} /> : null}
    </>
  );
}

function SourceCard({ nc }: { nc: NcDetail }) {
  const t = useQualityT();
  const sourceLabel = useSourceLabel();
  const signal = SIGNAL_SOURCES.includes(nc.source);
  // An audit's finding keeps its clause in the evidence; its words are in the description already.
  const clause = typeof nc.evidence?.clause === 'string' && nc.evidence.clause ? nc.evidence.clause : null;
  return (
    <Section title={t('ncp.source')} testId="nc-source">
      <Descriptions size="small" column={1} items={[
        { key: 'source', label: t('nc.col.source'), children: <Tag className="mc-qms-tag">{sourceLabel(nc.source)}</Tag> },
        { key: 'raised', label: t('ncp.raised'), children: `${formatDate(nc.raisedOn)}${nc.raisedByName ? t('ncp.raisedBy', { name: nc.raisedByName }) : ''}` },
        { key: 'owner', label: t('ncp.owner'), children: nc.ownerUnitName },
        ...(nc.finding ? [{ key: 'audit', label: t('ncp.fromAudit'), children: <Link to={auditPath(nc.finding.auditId)}>{nc.finding.auditTitle}</Link> }] : []),
        ...(clause ? [{ key: 'clause', label: t('plan.clause'), children: clause }] : []),
        ...(nc.procedureCode ? [{ key: 'procedure', label: t('ncp.procedure'), children: nc.evidence?.procedureName ? `${nc.procedureCode} — ${nc.evidence.procedureName}` : nc.procedureCode }] : []),
        ...(nc.description && nc.description !== nc.title ? [{ key: 'description', label: t('ncp.description'), children: <span className="mc-qms-text">{nc.description}</span> }] : []),
        ...(nc.closedOn ? [{ key: 'closed', label: t('ncp.closedLabel'), children: formatDate(nc.closedOn) }] : []),
      ]} />
      {signal ? <><div className="mc-qms-subhead">{t('ncp.evidence')}</div><SignalEvidenceView evidence={nc.evidence} /></> : null}
    </Section>
  );
}

function ActionsCard({ nc, onDone }: { nc: NcDetail; onDone: (a: NcAction) => void }) {
  const t = useQualityT();
  const wide = Grid.useBreakpoint().md ?? true;
  const mayComplete = nc.allowedSteps.includes('complete');
  const doneButton = (a: NcAction) => (mayComplete && !a.doneOn
    ? <Button size="small" icon={<CheckOutlined aria-hidden />} onClick={() => onDone(a)} aria-label={t('ncp.markDoneOf', { n: a.seq })}>{t('ncp.markDone')}</Button>
    : null);
  const result = (a: NcAction) => (a.doneOn
    ? (
      <Flex vertical gap={2} data-done={a.seq}>
        <span><CheckOutlined aria-hidden style={{ color: '#237804', marginInlineEnd: 6 }} />{t('ncp.doneOn', { date: formatDate(a.doneOn) })}</span>
        {a.doneNote ? <Muted>{a.doneNote}</Muted> : null}
      </Flex>
    )
    : <Flex vertical gap={6} align="flex-start"><Muted>{t('ncp.notDone')}</Muted>{doneButton(a)}</Flex>);
  const columns: ColumnsType<NcAction> = [
    { title: '#', dataIndex: 'seq', width: 48 },
    { title: t('ncp.col.action'), dataIndex: 'text', width: 300, render: (v: string) => <span className="mc-qms-text">{v}</span> },
    { title: t('ncp.col.owner'), key: 'owner', width: 170, render: (_, a) => a.ownerName ?? <Muted>{t('ncp.noOwner')}</Muted> },
    { title: t('ncp.col.due'), key: 'due', width: 110, render: (_, a) => formatDate(a.dueOn) },
    { title: t('ncp.col.done'), key: 'done', width: 200, render: (_, a) => result(a) },
  ];
  return (
    <Section title={t('ncp.actions')} testId="nc-action-list">
      {!nc.actions.length ? <Muted>{t('ncp.actions.empty')}</Muted> : wide ? (
        <Table<NcAction> aria-label={t('ncp.actions.table')} rowKey="seq" size="small" columns={columns} dataSource={nc.actions} pagination={false} />
      ) : (
        <div role="list" aria-label={t('ncp.actions.table')} className="mc-qms-row-list">
          {nc.actions.map((a) => (
            <div role="listitem" key={a.seq} className="mc-qms-row">
              <p className="mc-qms-text"><strong>{a.seq}.</strong> {a.text}</p>
              <Muted>{a.ownerName ?? t('ncp.noOwner')} · {t('ncp.col.due')}: {formatDate(a.dueOn)}</Muted>
              <div style={{ marginTop: 6 }}>{result(a)}</div>
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}

function VerificationCard({ nc }: { nc: NcDetail }) {
  const t = useQualityT();
  const verifState = useVerificationState();
  const v = nc.verification;
  return (
    <Section title={t('ncp.verification')} testId="nc-verification">
      {v ? (
        <Flex vertical gap={4}>
          <span><Tag color={v.state === 'overdue' ? 'red' : v.state === 'verifiable' ? 'blue' : 'default'} className="mc-qms-tag" data-state={v.state}>{verifState(v.state, v.label)}</Tag></span>
          {v.opensOn ? <Muted>{t('ncp.verif.window', { opens: formatDate(v.opensOn), due: formatDate(v.dueOn) })}</Muted> : null}
          {v.remeasure ? <Muted>{t('ncp.verif.remeasure', { from: formatDate(v.remeasure.from), to: formatDate(v.remeasure.to) })}</Muted> : null}
        </Flex>
      ) : nc.status === 'open' || nc.status === 'action_planned' ? <Muted>{t('ncp.verif.none')}</Muted> : null}
      {nc.verifications.length ? (
        <>
          <div className="mc-qms-subhead">{t('ncp.verif.history')}</div>
          <List size="small" dataSource={nc.verifications} renderItem={(r) => <VerificationRow r={r} />} />
        </>
      ) : null}
    </Section>
  );
}

function VerificationRow({ r }: { r: NcVerification }) {
  const t = useQualityT();
  const measured = r.measured && typeof r.measured === 'object' ? r.measured : null;
  return (
    <List.Item>
      <Flex vertical gap={4} style={{ minWidth: 0 }}>
        <Flex gap={8} wrap align="center">
          <Tag color={r.result === 'effective' ? 'green' : 'red'} className="mc-qms-tag" data-result={r.result}>{r.result === 'effective' ? t('ncp.effective') : t('ncp.notEffective')}</Tag>
          <Muted>{t('ncp.verif.by', { date: formatDate(r.verifiedOn), name: r.verifiedByName })}</Muted>
        </Flex>
        {r.note ? <p className="mc-qms-text">{r.note}</p> : null}
        {measured ? <><Muted>{t('ncp.verif.measured')}</Muted><SignalEvidenceView evidence={measured} /></> : null}
      </Flex>
    </List.Item>
  );
}
