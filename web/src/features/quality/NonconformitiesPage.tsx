import { useState } from 'react';
import { Button, Flex, Form, Input, Select, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useProcesses, useSystem } from './api';
import { type NcFilter, useCreateNonconformity, useNonconformities } from './api-audits';
import { AuditModal } from './AuditDialogs';
import { Muted, NcStatusTag, NotFound, useSourceLabel } from './audit-ui';
import { OwnerUnitSelect } from './audit-pickers';
import { useQualityT } from './i18n';
import { QualityNav } from './QualityNav';
import { QUALITY_PATH, idParam, nonconformityPath } from './paths';
import { EmptyText, Section } from './qms-ui';
import { NC_SOURCES, NC_STATUSES, type NcSource, type NcStatus, type NcSummary } from './types-audit';
import './audit.css';

/**
 * `/can-bo/chat-luong/:qmsId/khong-phu-hop`: the QMS's nonconformities, filtered by status and source,
 * or only the caller's own ("Của tôi": their unit's or the actions given to them); filters kept in the address.
 */
export default function NonconformitiesPage() {
  const t = useQualityT();
  const qmsId = idParam(useParams().qmsId);
  return qmsId === null ? <NotFound title={t('a.noSystem')} back={QUALITY_PATH} backLabel={t('a.back')} /> : <NonconformitiesView qmsId={qmsId} />;
}

function NonconformitiesView({ qmsId }: { qmsId: number }) {
  const t = useQualityT();
  const sourceLabel = useSourceLabel();
  const [params, setParams] = useSearchParams();
  const status = (NC_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as NcStatus) : undefined;
  const source = (NC_SOURCES as readonly string[]).includes(params.get('source') ?? '') ? (params.get('source') as NcSource) : undefined;
  const mine = params.get('mine') === '1';
  const filter: NcFilter = { status, source, mine };
  const system = useSystem(qmsId);
  const list = useNonconformities(qmsId, filter);
  const [adding, setAdding] = useState(false);
  const update = (key: string, value: string | null | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<NcSummary> = [
    { title: t('nc.col.code'), key: 'code', width: 130, render: (_, n) => <Link to={nonconformityPath(n.id)} className="mc-code" style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{n.code}</Link> },
    { title: t('nc.col.title'), dataIndex: 'title', width: 320, render: (v: string) => <span className="mc-qms-text">{v}</span> },
    { title: t('nc.col.source'), key: 'source', width: 160, render: (_, n) => sourceLabel(n.source) },
    { title: t('nc.col.owner'), dataIndex: 'ownerUnitName', width: 200 },
    {
      title: t('nc.col.status'), key: 'status', width: 200,
      render: (_, n) => <Flex vertical gap={4} align="flex-start"><NcStatusTag status={n.status} />{n.verification ? <Muted>{n.verification.label}</Muted> : null}</Flex>,
    },
    { title: t('nc.col.raised'), key: 'raised', width: 120, render: (_, n) => formatDate(n.raisedOn) },
    { title: t('nc.col.due'), key: 'due', width: 120, render: (_, n) => (n.dueOn ? formatDate(n.dueOn) : <Muted>{t('a.none')}</Muted>) },
  ];
  const filtered = Boolean(status || source || mine);

  return (
    <>
      <PageHeader title={t('nc.title')} subtitle={t('nc.subtitle')}
        extra={system.data?.may.manage ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>{t('nc.add')}</Button> : null} />
      <QualityNav qmsId={qmsId} active="nonconformities" />
      <Section title={t('nc.table')}>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Select aria-label={t('nc.filter.status')} value={status ?? ''} style={{ flex: '0 1 260px', minWidth: 200 }} popupMatchSelectWidth={false}
            onChange={(v: string) => update('status', v)} options={[{ value: '', label: t('nc.filter.allStatuses') }, ...NC_STATUSES.map((s) => ({ value: s, label: t(`nc.status.${s}`) }))]} />
          <Select aria-label={t('nc.filter.source')} value={source ?? ''} style={{ flex: '0 1 240px', minWidth: 180 }} popupMatchSelectWidth={false}
            onChange={(v: string) => update('source', v)} options={[{ value: '', label: t('nc.filter.allSources') }, ...NC_SOURCES.map((s) => ({ value: s, label: sourceLabel(s) }))]} />
          <Flex gap={8} align="center">
            <Switch id="nc-mine" checked={mine} onChange={(v) => update('mine', v ? '1' : null)} aria-label={t('nc.mine')} />
            <label htmlFor="nc-mine" title={t('nc.mineHint')}>{t('nc.mine')}</label>
          </Flex>
        </Flex>
        {list.isError ? <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} /> : (
          <>
            <Table<NcSummary> aria-label={t('nc.table')} rowKey="id" size="middle" columns={columns} dataSource={list.data ?? []} pagination={false}
              loading={list.isFetching} scroll={{ x: 1200 }} data-testid="nc-table"
              locale={{ emptyText: <EmptyText>{filtered ? t('nc.emptyFiltered') : t('nc.empty')}</EmptyText> }} />
            {list.data?.length ? <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>{t('nc.count', { n: list.data.length })}</Typography.Text> : null}
          </>
        )}
      </Section>
      {adding ? <AddDialog qmsId={qmsId} onClose={() => setAdding(false)} /> : null}
    </>
  );
}

type AddValues = { title: string; description: string; ownerUnitId: number; processId?: number };

/** A nonconformity a person found outside an audit (a complaint, an observation at the desk): it opens at once. */
function AddDialog({ qmsId, onClose }: { qmsId: number; onClose: () => void }) {
  const t = useQualityT();
  const navigate = useNavigate();
  const [form] = Form.useForm<AddValues>();
  const create = useCreateNonconformity(qmsId);
  const processes = useProcesses(qmsId);
  const text = [{ required: true, whitespace: true, min: 3, message: t('a.min3') }];
  return (
    <AuditModal<AddValues> title={t('nc.add')} okText={t('nc.add')} form={form} onClose={onClose} reload={() => undefined} initialValues={{ processId: 0 }}
      send={async (v) => {
        const nc = await create.mutateAsync({ title: v.title.trim(), description: v.description.trim(), ownerUnitId: v.ownerUnitId, ...(v.processId ? { processId: v.processId } : {}) });
        navigate(nonconformityPath(nc.id));
      }}>
      <Form.Item name="title" label={t('nc.field.title')} rules={text}><Input maxLength={300} /></Form.Item>
      <Form.Item name="description" label={t('nc.field.description')} rules={text}><Input.TextArea rows={4} maxLength={4000} showCount /></Form.Item>
      <Form.Item name="ownerUnitId" label={t('nc.field.owner')} rules={[{ required: true, message: t('a.required') }]}>
        <OwnerUnitSelect qmsId={qmsId} aria-label={t('nc.field.owner')} />
      </Form.Item>
      <Form.Item name="processId" label={t('nc.field.process')}>
        <Select aria-label={t('nc.field.process')} popupMatchSelectWidth={false} loading={processes.isPending}
          options={[{ value: 0, label: t('nc.field.noProcess') }, ...(processes.data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }))]} />
      </Form.Item>
    </AuditModal>
  );
}
