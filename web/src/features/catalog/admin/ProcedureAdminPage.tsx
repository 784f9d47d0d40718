import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Popconfirm, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api';
import { formatDate } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type FieldChange, useDeleteDraft, useDiff, useNewDraft, useVersions, type VersionView } from '../api';
import { useCatalogT } from '../i18n';
import { STATUS_COLORS, useCatalogLabels, windowState } from '../labels';
import '../catalog.css';
import { VersionActionDialog } from './VersionDialogs';

const compact = { maxHeight: 180, overflow: 'auto' } as const;

function Diff({ code, versions }: { code: string; versions: VersionView[] }) {
  const t = useCatalogT();
  const last = versions.at(-1)?.number;
  const [from, setFrom] = useState<number | undefined>(versions.length > 1 ? versions.at(-2)?.number : undefined);
  const [to, setTo] = useState<number | undefined>(last);
  const diff = useDiff(code, from, to);
  const options = versions.map((v) => ({ value: v.number, label: `v${v.number}` }));
  return (
    <Card size="small" title={t('admin.diff')} style={{ marginTop: 16 }}>
      <Space wrap style={{ marginBottom: 12 }}>
        {t('admin.diffFrom')} <Select value={from} options={options} onChange={setFrom} style={{ width: 90 }} aria-label={t('admin.diffFrom')} />
        {t('admin.diffTo')} <Select value={to} options={options} onChange={setTo} style={{ width: 90 }} aria-label={t('admin.diffTo')} />
      </Space>
      {diff.isError ? <ErrorResult variant="inline" error={diff.error} /> : null}
      {diff.data && diff.data.length === 0 ? <Empty description={t('admin.noChanges')} /> : null}
      {diff.data?.length ? (
        <Table<FieldChange> size="small" rowKey={(c) => `${c.kind}:${c.path}`} dataSource={diff.data} pagination={false} scroll={{ x: 700 }}
          columns={[
            { title: '', dataIndex: 'kind', width: 70, render: (k: FieldChange['kind']) => <Tag color={k === 'added' ? 'green' : k === 'removed' ? 'red' : 'blue'}>{t(`admin.change.${k}`)}</Tag> },
            { title: t('admin.diffField'), key: 'where', width: 300, render: (_, c) => <span title={c.path}>{c.where}</span> },
            { title: '', key: 'values', render: (_, c) => <>{c.beforeText !== undefined ? <div className="mc-cat-diff-before" style={compact}>{c.beforeText}</div> : null}{c.afterText !== undefined ? <div className="mc-cat-diff-after" style={compact}>{c.afterText}</div> : null}</> },
          ]} />
      ) : null}
    </Card>
  );
}

/** /quan-tri/thu-tuc/:code — the versions of one procedure, their actions, and what changed. */
export default function ProcedureAdminPage() {
  const { code = '' } = useParams();
  const t = useCatalogT();
  const l = useCatalogLabels();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const versions = useVersions(code);
  const newDraft = useNewDraft();
  const remove = useDeleteDraft();
  const [dialog, setDialog] = useState<{ version: VersionView; mode: 'publish' | 'close' } | null>(null);

  if (versions.isPending) return <Skeleton active />;
  if (versions.isError) return <ErrorResult error={versions.error} onRetry={() => void versions.refetch()} />;
  const list = versions.data;
  const latest = list.at(-1)!;
  const hasDraft = list.some((v) => v.status === 'draft');
  const base = `/quan-tri/thu-tuc/${encodeURIComponent(code)}`;

  const draftFrom = async (from?: number) => {
    try {
      const created = await newDraft.mutateAsync({ code, from });
      message.success(t('admin.created', { n: created.number }));
      navigate(`${base}/v/${created.number}`);
    } catch (error) {
      message.error(errorMessage(error, locale));
    }
  };

  return (
    <>
      <PageHeader title={latest.name} subtitle={`${code}`} extra={
        <>
          {!hasDraft ? <Button type="primary" loading={newDraft.isPending} onClick={() => void draftFrom()}>{t('admin.newDraft')}</Button> : null}
          {list.some((v) => v.status === 'published') ? <Link to={`/thu-tuc/${encodeURIComponent(code)}`} target="_blank"><Button>{t('admin.publicPage')}</Button></Link> : null}
        </>
      } />
      <Card size="small" title={t('admin.versions')}>
        <Table<VersionView> size="small" rowKey="number" dataSource={[...list].reverse()} pagination={false} scroll={{ x: 900 }}
          columns={[
            { title: 'v', dataIndex: 'number', width: 50 },
            { title: t('admin.status'), key: 'status', width: 200, render: (_, v) => {
              const state = windowState(v);
              return <><Tag color={STATUS_COLORS[v.status]}>{l.status(v.status)}</Tag>{state ? <Tag color={state === 'inForce' ? 'green' : 'blue'}>{t(`status.${state}`)}</Tag> : null}</>;
            } },
            { title: t('detail.decision'), key: 'decision', render: (_, v) => v.decision ? <>{v.decision.number}<div className="mc-cat-note">{formatDate(v.decision.date)} · {v.decision.signer}</div></> : '—' },
            { title: t('admin.effectiveFrom'), dataIndex: 'effectiveFrom', width: 110, render: (d: string | null) => (d ? formatDate(d) : '—') },
            { title: t('admin.effectiveTo'), dataIndex: 'effectiveTo', width: 110, render: (d: string | null) => (d ? formatDate(d) : '—') },
            { title: '', key: 'actions', width: 360, render: (_, v) => (
              <Flex wrap gap={4}>
                <Link to={`${base}/v/${v.number}`}><Button size="small">{v.status === 'draft' ? t('admin.editDraft') : t('admin.view')}</Button></Link>
                {v.status === 'draft' ? (
                  <>
                    <Button size="small" type="primary" onClick={() => setDialog({ version: v, mode: 'publish' })}>{t('admin.publish')}</Button>
                    <Popconfirm title={t('admin.deleteConfirm', { n: v.number })} onConfirm={async () => {
                      try {
                        await remove.mutateAsync({ code, n: v.number, revision: v.revision });
                        message.success(t('admin.deleted'));
                      } catch (error) {
                        message.error(errorMessage(error, locale));
                      }
                    }}><Button size="small" danger>{t('admin.deleteDraft')}</Button></Popconfirm>
                  </>
                ) : null}
                {v.status === 'published' ? <Button size="small" onClick={() => setDialog({ version: v, mode: 'close' })}>{t('admin.close')}</Button> : null}
                {!hasDraft && v.status !== 'published' && v.status !== 'draft' ? <Button size="small" type="link" onClick={() => void draftFrom(v.number)}>{t('admin.newDraftFrom', { n: v.number })}</Button> : null}
              </Flex>
            ) },
          ]} />
        {latest.changeNote ? <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>{latest.changeNote}</Typography.Paragraph> : null}
      </Card>
      {list.length > 1 ? <Diff code={code} versions={list} /> : null}
      {dialog ? <VersionActionDialog version={dialog.version} mode={dialog.mode} onClose={() => setDialog(null)} /> : null}
    </>
  );
}
