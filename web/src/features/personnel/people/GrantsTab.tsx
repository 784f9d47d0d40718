import { useEffect, useState } from 'react';
import { App, Button, Flex, Form, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLES, type Role, hasAnyRole, useAuth } from '../../../shared/auth';
import { useT } from '../../../shared/i18n';
import { type PersonDetail, useSetGrants } from '../api-people';
import { usePeopleT } from '../i18n';
import { Problem, UnitSelect, useSend } from '../ui';

type Row = { key: number; role: Role; unitId: number | null; unitName?: string };
let seq = 0;

/**
 * Roles and the units they reach, replaced as a whole with a reason that goes to the audit log. Grants
 * the caller does not keep (another agency's, the province administrator's) are kept by the server.
 */
export function GrantsTab({ detail }: { detail: PersonDetail }) {
  const t = usePeopleT();
  const ts = useT();
  const { message } = App.useApp();
  const { user } = useAuth();
  const editable = detail.standing === 'hr' && detail.person.status === 'serving';
  const initial = () => detail.grants.map((g) => ({ key: ++seq, role: g.role, unitId: g.unitId, unitName: g.unitName }));
  const [rows, setRows] = useState<Row[]>(initial);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const save = useSetGrants(detail.person.id);
  const send = useSend(form, () => undefined);
  // The saved grants come back with their unit names; show them once not editing.
  useEffect(() => { if (!editing) setRows(initial()); }, [detail.grants]); // eslint-disable-line react-hooks/exhaustive-deps
  const update = (key: number, patch: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const columns: ColumnsType<Row> = [
    {
      title: t('grants.col.role'), key: 'role', width: 280,
      render: (_, r, i) => (editing ? (
        <Select aria-label={t('grants.aria.role', { n: i + 1 })} value={r.role} style={{ width: '100%' }} onChange={(v: Role) => update(r.key, { role: v })}
          options={ROLES.filter((role) => role !== 'admin' || r.role === 'admin' || hasAnyRole(user, ['admin'])).map((role) => ({ value: role, label: ts(`role.${role}`) }))} />
      ) : ts(`role.${r.role}`)),
    },
    {
      title: t('grants.col.unit'), key: 'unit',
      render: (_, r, i) => (editing ? <UnitSelect ariaLabel={t('grants.aria.unit', { n: i + 1 })} value={r.unitId} onChange={(id) => update(r.key, { unitId: id })} /> : r.unitName),
    },
    ...(editing ? [{
      title: '', key: 'remove', width: 56,
      render: (_: unknown, r: Row, i: number) => <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('grants.remove', { n: i + 1 })} onClick={() => setRows(rows.filter((x) => x.key !== r.key))} />,
    }] : []),
  ];

  const finish = async (v: { reason: string }) => {
    if (rows.some((r) => r.unitId === null)) { form.setFields([{ name: 'reason', errors: [t('grants.unitMissing')] }]); return; }
    if (await send.run(() => save.mutateAsync({ grants: rows.map((r) => ({ role: r.role, unitId: r.unitId! })), reason: v.reason.trim() }))) {
      void message.success(t('grants.saved'));
      setEditing(false);
      form.resetFields();
    }
  };

  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>{t('grants.hint')}</Typography.Paragraph>
      <Table<Row> aria-label={t('grants.table')} rowKey="key" size="small" columns={columns} dataSource={rows} pagination={false} locale={{ emptyText: t('grants.empty') }} />
      {editing ? (
        <Form form={form} layout="vertical" onFinish={(v) => void finish(v)}>
          <Button icon={<PlusOutlined aria-hidden />} style={{ marginBottom: 12 }} onClick={() => setRows([...rows, { key: ++seq, role: 'specialist', unitId: detail.person.unitId }])}>{t('grants.add')}</Button>
          <Form.Item name="reason" label={t('grants.reason')} rules={[{ required: true, whitespace: true, min: 5, message: t('grants.reasonRequired') }]}>
            <Input.TextArea rows={2} maxLength={500} placeholder={t('grants.reasonPlaceholder')} />
          </Form.Item>
          <Problem text={send.problem} />
          <Flex gap={8}>
            <Button type="primary" htmlType="submit" loading={send.pending}>{t('grants.save')}</Button>
            <Button onClick={() => { setRows(initial()); setEditing(false); send.clear(); }}>{t('cancel')}</Button>
          </Flex>
        </Form>
      ) : editable ? <div><Button onClick={() => setEditing(true)}>{t('grants.edit')}</Button></div> : null}
    </Flex>
  );
}
