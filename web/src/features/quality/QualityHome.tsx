import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Radio, Result, Select, Skeleton, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { foldVietnamese } from '../org/tree';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useCreateSystem, useSystems } from './api';
import { useQualityT } from './i18n';
import { systemPath } from './paths';
import { EmptyText, Problem, useQmsSubmit } from './qms-ui';
import type { Obligation, SystemItem, SystemsAnswer } from './types';

/**
 * `/can-bo/chat-luong`: the QMSs the caller reads. One and nothing to set up: straight to its home.
 * A head of an agency without one sees "Thiết lập HTQLCL" (the server lists those units as `creatable`).
 */
export default function QualityHome() {
  const t = useQualityT();
  const systems = useSystems();
  if (systems.isPending) return <><PageHeader title={t('home.title')} /><Card size="small"><Skeleton active /></Card></>;
  if (systems.isError) return <><PageHeader title={t('home.title')} /><ErrorResult error={systems.error} onRetry={() => void systems.refetch()} /></>;
  const { items, creatable } = systems.data;
  if (items.length === 1 && creatable.length === 0) return <Navigate to={systemPath(items[0]!.id)} replace />;
  return <SystemsList data={systems.data} />;
}

function SystemsList({ data }: { data: SystemsAnswer }) {
  const t = useQualityT();
  const [creating, setCreating] = useState(false);
  const columns: ColumnsType<SystemItem> = [
    { title: t('home.col.agency'), key: 'agency', render: (_, s) => <Link to={systemPath(s.id)} style={{ fontWeight: 600 }}>{s.agencyName}</Link> },
    { title: t('home.col.standard'), dataIndex: 'standard', width: 170 },
    { title: t('home.col.obligation'), key: 'obligation', width: 140, render: (_, s) => t(`obligation.${s.obligation}`) },
    {
      title: t('home.col.objectives'), key: 'objectives', width: 150,
      render: (_, s) => (s.objectives.total ? t('home.objectivesMet', { met: s.objectives.met, total: s.objectives.total }) : <EmptyText>{t('home.noObjectives')}</EmptyText>),
    },
    {
      title: t('home.col.nonconformities'), key: 'nc', width: 130, align: 'right',
      render: (_, s) => (s.openNonconformities ? <Tag color="orange" className="mc-qms-tag">{s.openNonconformities}</Tag> : '0'),
    },
  ];
  const createButton = <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>{t('home.create')}</Button>;
  return (
    <>
      <PageHeader title={t('home.title')} subtitle={t('home.subtitle')} extra={data.items.length && data.creatable.length ? createButton : null} />
      {data.items.length === 0 ? (
        <Card size="small">
          <Result status="info" title={t('home.none')} subTitle={data.creatable.length ? t('home.createHint') : t('home.noneHint')}
            extra={data.creatable.length ? createButton : null} />
        </Card>
      ) : (
        <Card size="small">
          <Table<SystemItem> aria-label={t('home.table')} data-testid="qms-systems" rowKey="id" size="middle" columns={columns} dataSource={data.items}
            pagination={false} scroll={{ x: 760 }} locale={{ emptyText: <EmptyText>{t('home.empty')}</EmptyText> }} />
        </Card>
      )}
      {creating ? <CreateDialog units={data.creatable} onClose={() => setCreating(false)} /> : null}
    </>
  );
}

interface CreateValues { agencyUnitId?: number; obligation: Obligation; standard?: string }

/** Sets up an agency's QMS (Decision 19/2014: mandatory for the province's departments). */
function CreateDialog({ units, onClose }: { units: { unitId: number; name: string }[]; onClose: () => void }) {
  const t = useQualityT();
  const ts = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const create = useCreateSystem();
  const { problem, pending, run, setProblem } = useQmsSubmit(form);
  const send = (v: CreateValues) => void run(async () => {
    const detail = await create.mutateAsync({ agencyUnitId: v.agencyUnitId!, obligation: v.obligation, standard: v.standard?.trim() || undefined });
    void message.success(t('home.created'));
    onClose();
    if (detail?.id) navigate(systemPath(detail.id));
  });
  return (
    <Modal open title={t('home.create')} okText={t('home.createOk')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }}
      onOk={() => form.submit()} onCancel={onClose} destroyOnHidden>
      <Form<CreateValues> form={form} layout="vertical" onFinish={send} onValuesChange={() => setProblem(null)}
        initialValues={{ agencyUnitId: units.length === 1 ? units[0]!.unitId : undefined, obligation: 'mandatory', standard: 'TCVN ISO 9001:2015' }}>
        <Form.Item name="agencyUnitId" label={t('field.agency')} rules={[{ required: true, message: t('form.pickAgency') }]}>
          <Select options={units.map((u) => ({ value: u.unitId, label: u.name }))} placeholder={t('picker.unit')} popupMatchSelectWidth={false}
            showSearch={{ filterOption: (input, o) => foldVietnamese(String(o?.label ?? '')).includes(foldVietnamese(input)) }} />
        </Form.Item>
        <Form.Item name="obligation" label={t('field.obligation')}>
          <Radio.Group options={(['mandatory', 'encouraged'] as const).map((o) => ({ value: o, label: t(`obligation.${o}`) }))} />
        </Form.Item>
        <Form.Item name="standard" label={t('field.standard')} rules={[{ required: true, whitespace: true, message: t('form.required') }, { min: 3, max: 60, message: t('form.standardLength') }]}>
          <Input maxLength={60} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}
