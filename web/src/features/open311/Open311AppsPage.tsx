import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../shared/api';
import { formatDateTime } from '../../shared/format';
import { PageHeader } from '../../shared/ui/PageHeader';
import { type Open311App, useApps, useCreateApp, useRevokeApp } from './api';
import { useOpen311T } from './messages';

export default function Open311AppsPage() {
  const t = useOpen311T();
  const { message } = App.useApp();
  const apps = useApps();
  const create = useCreateApp();
  const revoke = useRevokeApp();
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<{ name: string; apiKey: string } | null>(null);
  const [form] = Form.useForm<{ name: string; contact?: string }>();

  const submit = () => form.validateFields().then((v) => create.mutateAsync(v).then((res) => {
    setCreating(false);
    form.resetFields();
    setIssued({ name: res.app.name, apiKey: res.apiKey });
  }, (err) => message.error(errorMessage(err))));

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} extra={<Button type="primary" onClick={() => setCreating(true)}>{t('new')}</Button>} />
      <Table<Open311App>
        rowKey="id" size="small" loading={apps.isLoading} dataSource={apps.data?.items ?? []} pagination={false} scroll={{ x: true }}
        columns={[
          { title: t('col.name'), dataIndex: 'name' },
          { title: t('col.contact'), dataIndex: 'contact', render: (v: string | null) => v ?? '' },
          { title: t('col.key'), dataIndex: 'keyPrefix', render: (v: string) => <Typography.Text code>{v}…</Typography.Text> },
          { title: t('col.createdAt'), dataIndex: 'createdAt', render: formatDateTime },
          { title: t('col.lastUsedAt'), dataIndex: 'lastUsedAt', render: (v: string | null) => (v ? formatDateTime(v) : t('never')) },
          { title: t('col.requests'), dataIndex: 'requests' },
          { title: t('col.status'), render: (_, a) => (a.revokedAt ? <Tag>{t('revoked')} {formatDateTime(a.revokedAt)}</Tag> : <Tag color="green">{t('active')}</Tag>) },
          {
            title: t('col.actions'),
            render: (_, a) => !a.revokedAt && (
              <Popconfirm title={t('revokeConfirm')} okText={t('revoke')} cancelText={t('cancel')} okButtonProps={{ danger: true }}
                onConfirm={() => revoke.mutateAsync(a).then(() => message.success(t('revokedDone')), (err) => message.error(errorMessage(err)))}>
                <Button size="small" danger>{t('revoke')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Modal open={creating} title={t('new')} okText={t('save')} cancelText={t('cancel')} confirmLoading={create.isPending} destroyOnHidden
        onCancel={() => setCreating(false)} onOk={submit}>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('field.name')} rules={[{ required: true, min: 2, max: 200 }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="contact" label={t('field.contact')} rules={[{ max: 300 }]}><Input maxLength={300} /></Form.Item>
        </Form>
      </Modal>
      <Modal open={!!issued} title={`${t('keyTitle')}: ${issued?.name ?? ''}`} closable={false} maskClosable={false} destroyOnHidden
        footer={<Button type="primary" onClick={() => setIssued(null)}>{t('close')}</Button>}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon message={t('keyNotice')} />
          <Typography.Paragraph copyable={{ text: issued?.apiKey, tooltips: [t('copy'), t('copied')] }} code style={{ wordBreak: 'break-all' }}>
            {issued?.apiKey}
          </Typography.Paragraph>
        </Space>
      </Modal>
    </>
  );
}
