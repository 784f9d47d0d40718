import { useState } from 'react';
import { Alert, Button, DatePicker, Flex, Form, Input, Table, Tag, Typography, message } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { ApiError } from '../../shared/api';
import { DATE_PATTERN, formatDate, toIsoDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { type IndexVersion, useIndexVersions, usePutIndexVersion } from './service-index.api';
import { useServiceIndexT } from './service-index.messages';

/** Admin: the versions of the service index's definition, and the import of a new one (JSON), checked by the server. */
export default function ServiceIndexVersionsPage() {
  const t = useServiceIndexT();
  const versions = useIndexVersions();
  const put = usePutIndexVersion();
  const [effective, setEffective] = useState<Dayjs | null>(null);
  const [json, setJson] = useState('');
  const [revision, setRevision] = useState<number | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const edit = (v: IndexVersion) => {
    setEffective(dayjs(v.effectiveFrom));
    setRevision(v.revision);
    setJson(JSON.stringify(v.definition, null, 2));
    setProblems([]);
  };

  const save = async () => {
    const day = toIsoDate(effective);
    let definition: unknown;
    try {
      definition = JSON.parse(json);
    } catch (err) {
      setProblems([t('versions.badJson', { error: (err as Error).message })]);
      return;
    }
    if (!day) return;
    try {
      await put.mutateAsync({ effectiveFrom: day, revision, definition });
      setProblems([]);
      void message.success(t('versions.saved', { from: formatDate(day) }));
      setJson('');
      setRevision(null);
    } catch (err) {
      if (err instanceof ApiError) setProblems([err.messageVi, ...err.fields.map((f) => `${Array.isArray(f.path) ? f.path.join('.') : f.path}: ${f.message}`)]);
      else throw err;
    }
  };

  return (
    <>
      <PageHeader title={t('versions.title')} subtitle={t('versions.subtitle')} />
      {versions.isError ? <ErrorResult error={versions.error} /> : (
        <Table<IndexVersion> rowKey="effectiveFrom" size="small" loading={versions.isLoading} dataSource={versions.data?.items ?? []} pagination={false}
          expandable={{ expandedRowRender: (v) => <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{v.definition.note}</Typography.Paragraph> }}
          columns={[
            { title: t('versions.effective'), dataIndex: 'effectiveFrom', render: (v: string) => formatDate(v) },
            { title: t('versions.label'), key: 'label', render: (_: unknown, v) => <>{v.definition.label} {v.inForce ? <Tag color="green">{t('versions.inForce')}</Tag> : null}</> },
            { title: t('versions.groups'), key: 'groups', render: (_: unknown, v) => v.definition.groups.map((g) => `${g.name} (${g.max})`).join('; ') },
            { title: t('versions.revision'), dataIndex: 'revision', align: 'right' },
            { title: '', key: 'edit', render: (_: unknown, v) => <Button size="small" onClick={() => edit(v)}>{t('versions.edit')}</Button> },
          ]} />
      )}
      <Typography.Title level={4} style={{ marginTop: 24 }}>{t('versions.import')}</Typography.Title>
      <Form layout="vertical" onFinish={save}>
        <Form.Item label={t('versions.effective')} required>
          <DatePicker aria-label={t('versions.effective')} format={DATE_PATTERN} value={effective} onChange={(v) => { setEffective(v); setRevision(versions.data?.items.find((x) => x.effectiveFrom === toIsoDate(v))?.revision ?? null); }} />
        </Form.Item>
        <Form.Item label={t('versions.json')} required>
          <Input.TextArea aria-label={t('versions.json')} value={json} onChange={(e) => setJson(e.target.value)} rows={16} style={{ fontFamily: 'monospace', fontSize: 12 }} />
        </Form.Item>
        {problems.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} message={problems[0]} description={problems.length > 1 ? <ul style={{ margin: 0 }}>{problems.slice(1).map((p) => <li key={p}>{p}</li>)}</ul> : null} /> : null}
        <Flex gap={8}>
          <Button type="primary" htmlType="submit" loading={put.isPending} disabled={!effective || !json.trim()}>{t('versions.save')}</Button>
        </Flex>
      </Form>
    </>
  );
}
