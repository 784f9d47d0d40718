import { useState } from 'react';
import { Alert, Button, Card, Collapse, Descriptions, Flex, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined, FileDoneOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useDeclarations, useDocuments, useProcesses, useSystem, useSystems } from './api';
import { useQualityT } from './i18n';
import { auditsPath, documentsPath, idParam, nonconformitiesPath, objectivesPath, processesPath, proposalsPath, reviewsPath } from './paths';
import { QualityNav } from './QualityNav';
import { EmptyText, History, Section } from './qms-ui';
import { ApprovePolicyDialog, DeclarationDialog, PolicyDialog, ScopeDialog } from './SystemDialogs';
import type { Declaration, SystemDetail } from './types';

/** `/can-bo/chat-luong/:qmsId`: the QMS at a glance — scope, policy, the announcement, the figures, the way to each page. */
export default function SystemHome() {
  const t = useQualityT();
  const qmsId = idParam(useParams().qmsId);
  const system = useSystem(qmsId ?? 0);
  if (qmsId === null) return <Result status="404" title={t('system.notFound')} />;
  if (system.isPending) return <><QualityNav qmsId={qmsId} /><PageHeader title={t('system.loading')} /><Card size="small"><Skeleton active /></Card></>;
  if (system.isError) return <><QualityNav qmsId={qmsId} /><PageHeader title={t('system.title')} /><ErrorResult error={system.error} onRetry={() => void system.refetch()} /></>;
  return <SystemView system={system.data} reload={() => system.refetch()} />;
}

type Dialog = 'scope' | 'policy' | 'approvePolicy' | 'declaration' | null;

function SystemView({ system, reload }: { system: SystemDetail; reload: () => unknown }) {
  const t = useQualityT();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const props = { system, reload, onClose: close };
  return (
    <>
      <QualityNav qmsId={system.id} active="home" />
      <PageHeader title={t('system.heading', { agency: system.agencyName })}
        subtitle={`${system.standard} · ${system.obligationLabel || t(`obligation.${system.obligation}`)}`} />
      <Counts system={system} />
      <Section title={t('scope.title')} testId="qms-scope"
        extra={system.may.manage ? <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('scope')}>{t('scope.edit')}</Button> : null}>
        <Scope system={system} />
      </Section>
      <Section title={t('policy.title')} testId="qms-policy"
        extra={<Flex gap={8} wrap>
          {system.may.manage ? <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('policy')}>{t('policy.edit')}</Button> : null}
          {system.may.approve && !system.policyApproved && system.policyText.trim() ? (
            <Button type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setDialog('approvePolicy')}>{t('policy.approve')}</Button>
          ) : null}
        </Flex>}>
        <Policy system={system} />
      </Section>
      <Section title={t('declaration.title')} testId="qms-declaration"
        extra={system.may.approve ? <Button icon={<FileDoneOutlined aria-hidden />} onClick={() => setDialog('declaration')}>{t('declaration.record')}</Button> : null}>
        <DeclarationView system={system} />
      </Section>
      <Section title={t('history.title')}>
        <Collapse ghost items={[{ key: 'h', label: t('history.show', { n: system.history.length }), children: <History entity="system" events={system.history} /> }]} />
      </Section>
      {dialog === 'scope' ? <ScopeDialog {...props} /> : null}
      {dialog === 'policy' ? <PolicyDialog {...props} /> : null}
      {dialog === 'approvePolicy' ? <ApprovePolicyDialog {...props} /> : null}
      {dialog === 'declaration' ? <DeclarationDialog {...props} /> : null}
    </>
  );
}

/** The figures of the QMS, each leading to its page; the pages with no figure here are linked too. */
function Counts({ system }: { system: SystemDetail }) {
  const t = useQualityT();
  const systems = useSystems();
  const processes = useProcesses(system.id);
  const documents = useDocuments(system.id);
  const item = systems.data?.items.find((s) => s.id === system.id);
  const outOfDate = (documents.data ?? []).filter((d) => d.sync && d.sync.status !== 'current').length;
  const cards: { to: string; label: string; value?: string; note?: string; testId: string }[] = [
    { to: objectivesPath(system.id), label: t('count.objectives'), value: item ? `${item.objectives.met}/${item.objectives.total}` : undefined, note: t('count.objectivesNote'), testId: 'objectives' },
    { to: processesPath(system.id), label: t('count.processes'), value: processes.data ? String(processes.data.filter((p) => p.active).length) : undefined, testId: 'processes' },
    { to: documentsPath(system.id), label: t('count.documents'), value: documents.data ? String(documents.data.length) : undefined, note: outOfDate ? t('count.outOfDate', { n: outOfDate }) : undefined, testId: 'documents' },
    { to: nonconformitiesPath(system.id), label: t('count.nonconformities'), value: item ? String(item.openNonconformities) : undefined, testId: 'nonconformities' },
    { to: auditsPath(system.id), label: t('nav.audits'), note: t('count.auditsNote'), testId: 'audits' },
    { to: proposalsPath(system.id), label: t('nav.proposals'), note: t('count.proposalsNote'), testId: 'proposals' },
    { to: reviewsPath(system.id), label: t('nav.reviews'), note: t('count.reviewsNote'), testId: 'reviews' },
  ];
  return (
    <div className="mc-qms-counts" data-testid="qms-counts">
      {cards.map((c) => (
        <Link key={c.to} to={c.to} className="mc-qms-count" data-count={c.testId}>
          {c.value !== undefined ? <div className="mc-qms-count-value">{c.value}</div> : null}
          <div className={c.value !== undefined ? 'mc-qms-count-label' : 'mc-qms-count-title'}>{c.label}</div>
          {c.note ? <div className="mc-qms-count-label">{c.note}</div> : null}
        </Link>
      ))}
    </div>
  );
}

function Scope({ system }: { system: SystemDetail }) {
  const t = useQualityT();
  return (
    <>
      {system.scopeText.trim() ? <Typography.Paragraph className="mc-qms-text" data-testid="qms-scope-text">{system.scopeText}</Typography.Paragraph>
        : <Alert type="warning" showIcon title={t('scope.empty')} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" column={1} items={[
        {
          key: 'exclusions', label: t('field.exclusions'),
          children: system.exclusions.length ? (
            <ul className="mc-qms-exclusions">
              {system.exclusions.map((e, i) => <li key={i}><Typography.Text strong>{e.clause}</Typography.Text>: {e.reason}</li>)}
            </ul>
          ) : <EmptyText>{t('scope.noExclusions')}</EmptyText>,
        },
        { key: 'secretary', label: t('field.secretary'), children: system.isoSecretary?.name ?? <EmptyText>{t('scope.noSecretary')}</EmptyText> },
      ]} />
    </>
  );
}

function Policy({ system }: { system: SystemDetail }) {
  const t = useQualityT();
  if (!system.policyText.trim()) return <Alert type="warning" showIcon title={t('policy.empty')} />;
  return (
    <>
      <Typography.Paragraph className="mc-qms-text" data-testid="qms-policy-text">{system.policyText}</Typography.Paragraph>
      {system.policyApproved ? (
        <Tag color="green" className="mc-qms-tag" data-policy="approved">{t('policy.approvedOn', { date: formatDate(system.policyApproved.on), name: system.policyApproved.byName })}</Tag>
      ) : <Tag color="orange" className="mc-qms-tag" data-policy="draft">{t('policy.notApproved')}</Tag>}
    </>
  );
}

function DeclarationStatus({ d }: { d: Declaration }) {
  const t = useQualityT();
  return <Tag color={d.status === 'valid' ? 'green' : 'orange'} className="mc-qms-tag" data-declaration={d.status}>{t(`declaration.status.${d.status}`)}</Tag>;
}

function DeclarationView({ system }: { system: SystemDetail }) {
  const t = useQualityT();
  const all = useDeclarations(system.id);
  const d = system.declaration;
  if (!d) return <Alert type="warning" showIcon title={t('declaration.none')} description={system.may.approve ? t('declaration.noneHint') : undefined} />;
  const earlier = (all.data ?? []).filter((x) => x.id !== d.id);
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} items={[
        { key: 'status', label: t('field.status'), children: <DeclarationStatus d={d} /> },
        { key: 'no', label: t('field.decisionNo'), children: d.decisionNo },
        { key: 'date', label: t('field.decisionDate'), children: formatDate(d.decisionDate) },
        { key: 'signer', label: t('field.signer'), children: d.signerName },
        { key: 'standard', label: t('field.standard'), children: d.standard },
      ]} />
      {d.status === 'stale' ? <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('declaration.staleTitle')} description={d.staleReason ?? undefined} /> : null}
      {earlier.length ? (
        <Collapse ghost style={{ marginTop: 8 }} items={[{
          key: 'earlier', label: t('declaration.earlier', { n: earlier.length }),
          children: (
            <Table<Declaration> size="small" rowKey="id" pagination={false} dataSource={earlier} scroll={{ x: 560 }} aria-label={t('declaration.earlierTable')} columns={[
              { title: t('field.decisionNo'), dataIndex: 'decisionNo' },
              { title: t('field.decisionDate'), key: 'date', render: (_, x) => formatDate(x.decisionDate), width: 120 },
              { title: t('field.signer'), dataIndex: 'signerName' },
              { title: t('field.standard'), dataIndex: 'standard', width: 170 },
            ]} />
          ),
        }]} />
      ) : null}
    </>
  );
}
