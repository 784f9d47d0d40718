import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api';
import { hasAnyRole, useAuth } from '../../shared/auth';
import { useLocale } from '../../shared/i18n';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/PageHeader';
import { exportUrl, REQUEST_KINDS, type PrivacyRequest, type RequestKind, type RetentionPeriod, useCreateRequest, useRequestAction, useRequests, useRetention, useSaveRetention } from './api';
import { usePrivacyT } from './messages';

function RequestsTab() {
  const t = usePrivacyT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [creating, setCreating] = useState(false);
  const [closing, setClosing] = useState<{ request: PrivacyRequest; action: 'complete' | 'refuse' } | null>(null);
  const requests = useRequests(overdueOnly);
  const create = useCreateRequest();
  const act = useRequestAction();
  const [form] = Form.useForm();
  const [outcomeForm] = Form.useForm();

  const run = (p: Promise<unknown>) => p.then(() => message.success(t('saved')), (err) => message.error(errorMessage(err)));
  const open = (r: PrivacyRequest) => r.status === 'received' || r.status === 'acknowledged';

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setCreating(true)}>{t('new')}</Button>
        <Switch checked={overdueOnly} onChange={setOverdueOnly} aria-label={t('overdueOnly')} /> {t('overdueOnly')}
      </Space>
      <Table<PrivacyRequest>
        rowKey="id" size="small" loading={requests.isLoading} dataSource={requests.data?.items ?? []} pagination={false}
        columns={[
          { title: t('col.receivedAt'), dataIndex: 'receivedAt', render: formatDateTime },
          { title: t('col.kind'), render: (_, r) => (locale === 'en' ? r.kindNameEn : r.kindName) },
          { title: t('col.requester'), dataIndex: 'requesterName' },
          { title: t('col.idNumber'), dataIndex: 'idNumber' },
          { title: t('col.ackDue'), render: (_, r) => <>{formatDateTime(r.acknowledgeDueAt)} {r.overdue.acknowledge && <Tag color="red">{t('overdue')}</Tag>}</> },
          { title: t('col.resolveDue'), render: (_, r) => <>{formatDateTime(r.resolveDueAt)} {r.overdue.resolve && <Tag color="red">{t('overdue')}</Tag>}</> },
          { title: t('col.status'), render: (_, r) => (locale === 'en' ? r.statusNameEn : r.statusName) },
          {
            title: t('col.actions'),
            render: (_, r) => (
              <Space wrap>
                {r.status === 'received' && <Button size="small" onClick={() => run(act.mutateAsync({ id: r.id, action: 'acknowledge', version: r.version }))}>{t('acknowledge')}</Button>}
                {open(r) && <Button size="small" onClick={() => setClosing({ request: r, action: 'complete' })}>{t('complete')}</Button>}
                {open(r) && <Button size="small" danger onClick={() => setClosing({ request: r, action: 'refuse' })}>{t('refuse')}</Button>}
                {r.kind === 'access' && r.status !== 'refused' && <Button size="small" href={exportUrl(r.id)}>{t('export')}</Button>}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={creating} title={t('new')} okText={t('save')} confirmLoading={create.isPending} destroyOnHidden
        onCancel={() => setCreating(false)}
        onOk={() => form.validateFields().then((v) => create.mutateAsync(v).then(() => { setCreating(false); form.resetFields(); message.success(t('saved')); }, (err) => message.error(errorMessage(err))))}
      >
        <Form form={form} layout="vertical" initialValues={{ kind: 'access', channel: 'desk' }}>
          <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true }]}>
            <Select options={REQUEST_KINDS.map((k: RequestKind) => ({ value: k, label: t(`kind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="idNumber" label={t('field.idNumber')} rules={[{ required: true, pattern: /^[0-9A-Za-z .-]{9,16}$/ }]}><Input maxLength={16} /></Form.Item>
          <Form.Item name="requesterName" label={t('field.requesterName')} rules={[{ required: true, min: 2 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="channel" label={t('field.channel')}>
            <Select options={[{ value: 'desk', label: t('channel.desk') }, { value: 'letter', label: t('channel.letter') }]} />
          </Form.Item>
          <Form.Item name="details" label={t('field.details')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
      <Modal
        open={!!closing} title={closing ? t(closing.action) : ''} okText={t('save')} destroyOnHidden onCancel={() => setClosing(null)}
        onOk={() => outcomeForm.validateFields().then((v: { outcome: string }) => {
          if (!closing) return;
          return run(act.mutateAsync({ id: closing.request.id, action: closing.action, version: closing.request.version, outcome: v.outcome })).then(() => setClosing(null));
        })}
      >
        <Form form={outcomeForm} layout="vertical">
          <Form.Item name="outcome" label={t('outcome')} rules={[{ required: true, min: 3 }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function RetentionTab({ editable }: { editable: boolean }) {
  const t = usePrivacyT();
  const locale = useLocale();
  const { message } = App.useApp();
  const periods = useRetention();
  const save = useSaveRetention();
  const [edits, setEdits] = useState<Record<string, Partial<RetentionPeriod>>>({});
  const value = (p: RetentionPeriod) => ({ ...p, ...edits[p.recordType] });
  const edit = (p: RetentionPeriod, change: Partial<RetentionPeriod>) => setEdits((e) => ({ ...e, [p.recordType]: { ...e[p.recordType], ...change } }));
  return (
    <Table<RetentionPeriod>
      rowKey="recordType" size="small" loading={periods.isLoading} dataSource={periods.data?.items ?? []} pagination={false}
      columns={[
        { title: t('col.recordType'), render: (_, p) => (locale === 'en' ? p.labelEn : p.labelVi) },
        { title: t('col.months'), render: (_, p) => <InputNumber min={1} max={1200} disabled={!editable} value={value(p).months} onChange={(v) => edit(p, { months: Number(v) })} aria-label={t('col.months')} /> },
        { title: t('col.basis'), render: (_, p) => <Input disabled={!editable} value={value(p).basis ?? ''} maxLength={500} onChange={(e) => edit(p, { basis: e.target.value })} aria-label={t('col.basis')} /> },
        {
          title: t('col.pattern'),
          render: (_, p) => p.recordType === 'identity_document_image'
            ? <Input disabled={!editable} value={value(p).documentNamePattern ?? ''} maxLength={300} onChange={(e) => edit(p, { documentNamePattern: e.target.value })} aria-label={t('col.pattern')} />
            : null,
        },
        {
          title: t('col.actions'),
          render: (_, p) => editable && (
            <Button size="small" disabled={!edits[p.recordType]} loading={save.isPending}
              onClick={() => { const v = value(p); save.mutateAsync({ recordType: p.recordType, months: v.months, basis: v.basis || null, documentNamePattern: v.documentNamePattern || null })
                .then(() => { setEdits((e) => { const { [p.recordType]: _drop, ...rest } = e; return rest; }); message.success(t('saved')); }, (err) => message.error(errorMessage(err))); }}>
              {t('save')}
            </Button>
          ),
        },
      ]}
    />
  );
}

export default function PrivacyPage() {
  const t = usePrivacyT();
  const { user } = useAuth();
  // Desk officers and unit heads handle requests; only administrators change retention (the API says the same).
  const admin = hasAnyRole(user, ['admin']);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card size="small">
        <Tabs
          destroyOnHidden
          items={[
            { key: 'requests', label: t('tab.requests'), children: <RequestsTab /> },
            { key: 'retention', label: t('tab.retention'), children: <RetentionTab editable={admin} /> },
          ]}
        />
      </Card>
    </>
  );
}
