import { useState } from 'react';
import { Alert, App, Button, Card, Col, Flex, Form, Input, Popconfirm, Row, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage, isApiError } from '../../../shared/api';
import { useLocale, useT } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { type AgencyAlias, type AliasGroup, useAddAlias, useAliases, useMeta, useRemoveAlias } from '../api';
import { useDirectiveT } from '../i18n';
import { UnitPicker } from '../UnitPicker';
import { EmptyText } from '../tags';
import '../directives.css';

interface Values { unitId?: number; alias?: string; note?: string }

/**
 * `/quan-tri/ten-goi-co-quan`: other names a directive may use for an agency ("Sở Nội vụ" for the
 * department after a merger, an abbreviation) and the phrases that name groups of units, so the task
 * proposal matches them. Only the province's organisation administrators change them (the server checks).
 */
export default function AliasesPage() {
  const t = useDirectiveT();
  const ts = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const list = useAliases();
  const meta = useMeta();
  const add = useAddAlias();
  const remove = useRemoveAlias();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);

  const send = async (v: Values) => {
    setProblem(null);
    try {
      await add.mutateAsync({ unitId: Number(v.unitId), alias: (v.alias ?? '').trim(), note: v.note?.trim() || null });
      form.resetFields();
      void message.success(t('alias.added'));
    } catch (error) {
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    }
  };
  const drop = async (a: AgencyAlias) => {
    try {
      await remove.mutateAsync(a.id);
      void message.success(t('alias.removed'));
    } catch (error) {
      void message.error(errorMessage(error, locale));
    }
  };

  const columns: ColumnsType<AgencyAlias> = [
    { title: t('alias.col.alias'), dataIndex: 'alias' },
    { title: t('alias.col.unit'), dataIndex: 'unitName' },
    { title: t('alias.col.note'), dataIndex: 'note', render: (n: string | null) => n || '—' },
    {
      title: t('reg.col.remove'), key: 'remove', width: 80,
      render: (_, a) => (
        <Popconfirm title={t('alias.confirmRemove', { alias: a.alias })} okText={t('alias.remove')} cancelText={ts('action.cancel')} onConfirm={() => drop(a)}>
          <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('alias.removeOne', { alias: a.alias })} />
        </Popconfirm>
      ),
    },
  ];
  const groupColumns: ColumnsType<AliasGroup> = [
    { title: t('alias.group.label'), dataIndex: 'label', width: 220 },
    { title: t('alias.group.phrases'), key: 'phrases', render: (_, g) => <Flex gap={4} wrap>{g.phrases.map((p) => <Tag key={p}>{p}</Tag>)}</Flex> },
    { title: t('alias.group.units'), key: 'units', width: 120, align: 'right', render: (_, g) => g.unitIds.length },
  ];

  return (
    <>
      <PageHeader title={t('alias.title')} subtitle={t('alias.subtitle')} />
      <Card size="small" title={<Typography.Title level={2} className="mc-dir-h2" style={{ margin: 0 }}>{t('alias.add')}</Typography.Title>}>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void send(v)}>
          <Row gutter={16}>
            <Col xs={24} md={9}>
              <Form.Item name="alias" label={t('alias.col.alias')} rules={[{ required: true, whitespace: true, message: t('required') }, { min: 2, message: t('alias.tooShort') }]}>
                <Input maxLength={300} placeholder={t('alias.aliasPlaceholder')} />
              </Form.Item>
            </Col>
            <Col xs={24} md={9}>
              <Form.Item name="unitId" label={t('alias.col.unit')} rules={[{ required: true, message: t('required') }]}>
                <UnitPicker units={meta.data?.units ?? []} />
              </Form.Item>
            </Col>
            <Col xs={24} md={6}>
              <Form.Item name="note" label={t('alias.col.note')}><Input maxLength={500} /></Form.Item>
            </Col>
          </Row>
          {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" icon={<PlusOutlined aria-hidden />} loading={add.isPending}>{t('alias.add')}</Button>
        </Form>
      </Card>
      <Card size="small" style={{ marginTop: 16 }} title={<Typography.Title level={2} className="mc-dir-h2" style={{ margin: 0 }}>{t('alias.list')}</Typography.Title>}>
        {list.isError ? <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} /> : (
          <Table<AgencyAlias> aria-label={t('alias.list')} data-testid="alias-table" rowKey="id" size="middle" columns={columns}
            dataSource={list.data?.aliases ?? []} loading={list.isPending} pagination={false} locale={{ emptyText: <EmptyText>{t('alias.empty')}</EmptyText> }} />
        )}
      </Card>
      <Card size="small" style={{ marginTop: 16 }} title={<Typography.Title level={2} className="mc-dir-h2" style={{ margin: 0 }}>{t('alias.groups')}</Typography.Title>}>
        <Typography.Paragraph type="secondary">{t('alias.groupsHint')}</Typography.Paragraph>
        <Table<AliasGroup> aria-label={t('alias.groups')} rowKey="key" size="small" columns={groupColumns} dataSource={list.data?.groups ?? []}
          loading={list.isPending} pagination={false} locale={{ emptyText: <EmptyText>{t('alias.noGroups')}</EmptyText> }} />
      </Card>
    </>
  );
}
