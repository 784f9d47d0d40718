import { useState } from 'react';
import { Alert, Button, Card, Collapse, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { CheckOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useDocument, useProcesses } from './api';
import { ApproveVersionDialog, NewDraftDialog, ObsoleteVersionDialog } from './DocumentDialogs';
import { useQualityT } from './i18n';
import { idParam, processesPath } from './paths';
import { QualityNav } from './QualityNav';
import { EmptyText, History, Section, SyncBadge } from './qms-ui';
import type { DocVersionStatus, DocumentDetail, DocumentVersion } from './types';

/** `/can-bo/chat-luong/tai-lieu/:id`: one controlled document — its issues, where it stands against the catalogue, and what may be done now. */
export default function DocumentPage() {
  const t = useQualityT();
  const id = idParam(useParams().id);
  const doc = useDocument(id ?? 0);
  if (id === null) return <Result status="404" title={t('doc.notFound')} />;
  if (doc.isPending) return <><PageHeader title={t('doc.loading')} /><Card size="small"><Skeleton active /></Card></>;
  if (doc.isError) return <><PageHeader title={t('doc.title')} /><ErrorResult error={doc.error} onRetry={() => void doc.refetch()} /></>;
  return <DocumentView doc={doc.data} reload={() => doc.refetch()} />;
}

const STATUS_COLOURS: Record<DocVersionStatus, string> = { draft: 'orange', approved: 'green', obsolete: 'default' };

function StatusTag({ v }: { v: DocumentVersion }) {
  const t = useQualityT();
  return <Tag color={STATUS_COLOURS[v.status]} className="mc-qms-tag" data-status={v.status}>{v.statusLabel || t(`versionStatus.${v.status}`)}</Tag>;
}

type Dialog = { kind: 'draft' } | { kind: 'approve'; version: DocumentVersion } | { kind: 'obsolete'; version: DocumentVersion } | null;

function DocumentView({ doc, reload }: { doc: DocumentDetail; reload: () => unknown }) {
  const t = useQualityT();
  const [dialog, setDialog] = useState<Dialog>(null);
  const processes = useProcesses(doc.qmsId);
  const versions = [...doc.versions].sort((a, b) => b.issueNo - a.issueNo);
  const draft = versions.find((v) => v.status === 'draft');
  const current = versions.find((v) => v.status === 'approved');
  const process = doc.processId ? processes.data?.find((p) => p.id === doc.processId) : undefined;
  // The sync of the issue a reader follows: the one in force, else the draft.
  const sync = (current ?? draft)?.sync ?? null;
  const close = () => setDialog(null);
  const actions = [
    doc.may.manage && !draft ? <Button key="draft" type={current ? 'default' : 'primary'} icon={<EditOutlined aria-hidden />} onClick={() => setDialog({ kind: 'draft' })}>{t('doc.newDraft', { n: (versions[0]?.issueNo ?? 0) + 1 })}</Button> : null,
    doc.may.approve && draft ? <Button key="approve" type="primary" icon={<CheckOutlined aria-hidden />} onClick={() => setDialog({ kind: 'approve', version: draft })}>{t('doc.approve', { n: draft.issueNo })}</Button> : null,
    doc.may.approve && draft ? <Button key="discard" danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog({ kind: 'obsolete', version: draft })}>{t('doc.discard', { n: draft.issueNo })}</Button> : null,
    doc.may.approve && current ? <Button key="obsolete" danger icon={<StopOutlined aria-hidden />} onClick={() => setDialog({ kind: 'obsolete', version: current })}>{t('doc.obsolete', { n: current.issueNo })}</Button> : null,
  ].filter(Boolean);
  return (
    <>
      <QualityNav qmsId={doc.qmsId} active="documents" />
      <PageHeader title={t('doc.heading', { code: doc.code, title: doc.title })}
        subtitle={<>
          {doc.kindLabel || t(`documentKind.${doc.kind}`)}
          {process ? <> · <Link to={processesPath(doc.qmsId)}>{t('doc.ofProcess', { code: process.code })}</Link></> : null}
        </>} />
      <Card size="small" data-testid="qms-doc-actions">
        <Flex gap={12} wrap align="center" justify="space-between">
          <Typography.Text>
            {current ? t('doc.inForce', { n: current.issueNo, date: current.effectiveFrom ? formatDate(current.effectiveFrom) : '—' }) : t('doc.noneInForce')}
            {draft ? ` ${t('doc.draftPending', { n: draft.issueNo })}` : ''}
          </Typography.Text>
          {actions.length ? <div className="mc-qms-actions">{actions}</div> : null}
        </Flex>
      </Card>
      {sync ? (
        <Section title={t('doc.syncTitle')} testId="qms-doc-sync">
          <SyncBadge sync={sync} full />
          {sync.inForce ? (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('doc.inForceCatalog', { n: sync.inForce.versionNo, date: sync.inForce.effectiveFrom ? formatDate(sync.inForce.effectiveFrom) : '—' })}
            </Typography.Paragraph>
          ) : null}
          {sync.changes.length ? (
            <>
              <Typography.Paragraph style={{ margin: '8px 0 0' }}>{t('doc.changes')}</Typography.Paragraph>
              <ul className="mc-qms-changes" data-testid="qms-doc-changes">{sync.changes.map((c, i) => <li key={i}>{c}</li>)}</ul>
            </>
          ) : null}
          {sync.status !== 'current' && doc.may.manage && !draft ? (
            <Alert type="warning" showIcon style={{ marginTop: 12 }} title={t('doc.syncAdvice')} />
          ) : null}
        </Section>
      ) : null}
      <Section title={t('doc.versions')} testId="qms-doc-versions">
        {versions.length === 0 ? <EmptyText>{t('doc.noVersions')}</EmptyText> : (
          <Collapse key={versions.map((v) => `${v.id}.${v.status}`).join()} defaultActiveKey={[String((draft ?? current ?? versions[0])!.id)]}
            items={versions.map((v) => ({ key: String(v.id), label: <VersionLabel v={v} />, children: <VersionBody v={v} /> }))} />
        )}
      </Section>
      <Section title={t('history.title')}><History entity="document" events={doc.history} /></Section>
      {dialog?.kind === 'draft' ? <NewDraftDialog doc={doc} reload={reload} onClose={close} /> : null}
      {dialog?.kind === 'approve' ? <ApproveVersionDialog doc={doc} version={dialog.version} reload={reload} onClose={close} /> : null}
      {dialog?.kind === 'obsolete' ? <ObsoleteVersionDialog doc={doc} version={dialog.version} reload={reload} onClose={close} /> : null}
    </>
  );
}

function VersionLabel({ v }: { v: DocumentVersion }) {
  const t = useQualityT();
  return (
    <Flex gap={8} wrap align="center" data-issue={v.issueNo}>
      <Typography.Text strong>{t('doc.issue', { n: v.issueNo })}</Typography.Text>
      <StatusTag v={v} />
      {v.sync ? <SyncBadge sync={v.sync} /> : null}
    </Flex>
  );
}

function VersionBody({ v }: { v: DocumentVersion }) {
  const t = useQualityT();
  const dash = <EmptyText>—</EmptyText>;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 12 }} items={[
        { key: 'drafted', label: t('field.draftedBy'), children: v.draftedByName ?? dash },
        { key: 'approved', label: t('field.approvedBy'), children: v.approvedOn ? t('doc.approvedOnBy', { date: formatDate(v.approvedOn), name: v.approvedByName ?? '' }) : dash },
        { key: 'effective', label: t('field.effectiveFrom'), children: v.effectiveFrom ? formatDate(v.effectiveFrom) : dash },
        ...(v.status === 'obsolete' ? [{ key: 'obsolete', label: t('field.obsoleteOn'), children: `${v.obsoleteOn ? formatDate(v.obsoleteOn) : ''}${v.obsoleteReason ? ` · ${v.obsoleteReason}` : ''}` || dash }] : []),
        ...(v.catalogVersionId ? [{ key: 'catalog', label: t('field.catalogVersion'), children: v.catalogVersionNo ? t('doc.catalogVersion', { n: v.catalogVersionNo }) : String(v.catalogVersionId) }] : []),
        { key: 'change', label: t('field.changeLog'), children: v.changeLog ? <span className="mc-qms-text">{v.changeLog}</span> : dash },
      ]} />
      {v.content.trim() ? <div className="mc-qms-content" tabIndex={0} role="region" aria-label={t('doc.contentOf', { n: v.issueNo })}>{v.content}</div> : <EmptyText>{t('doc.noContent')}</EmptyText>}
    </>
  );
}
