import { useMemo, useState } from 'react';
import { Button, Card, Flex, Skeleton, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { BLOCK_LABELS } from '../../../../../src/modules/par/labels';
import { formatDate } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type SetSummary, useSets } from '../api-sets';
import { useParSetT } from '../i18n-sets';
import { CreateSetDialog } from './CreateSetDialog';
import { SetTags, StatusTag } from './SetTags';
import { setPath } from './paths';
import './sets.css';

/** `/can-bo/cchc/bo-tieu-chi`: the PAR criteria sets by year; the organiser copies last year's or starts a new one. */
export default function SetsPage() {
  const t = useParSetT();
  const list = useSets();
  const [dialog, setDialog] = useState<'copy' | 'create' | null>(null);
  const years = useMemo(() => {
    const by = new Map<number, SetSummary[]>();
    for (const s of list.data?.sets ?? []) by.set(s.year, [...(by.get(s.year) ?? []), s]);
    return [...by.entries()].sort((a, b) => b[0] - a[0]);
  }, [list.data]);
  const data = list.data;
  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={data ? t('list.subtitle', { organiser: data.organiser.name }) : undefined}
        extra={data?.canManage ? (
          <>
            <Button icon={<CopyOutlined aria-hidden />} disabled={data.sets.length === 0} onClick={() => setDialog('copy')}>{t('list.copy')}</Button>
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setDialog('create')}>{t('list.create')}</Button>
          </>
        ) : null}
      />
      {list.isError ? <ErrorResult error={list.error} onRetry={() => void list.refetch()} /> : !data ? <Card size="small"><Skeleton active /></Card> : years.length === 0 ? (
        <Card size="small"><Typography.Text type="secondary">{t('list.empty')}</Typography.Text></Card>
      ) : (
        <Flex vertical gap={16}>
          {years.map(([year, sets]) => (
            <Card key={year} size="small" title={<Typography.Title level={2} className="mc-par-h2">{t('list.year', { year })}</Typography.Title>}>
              <SetTable year={year} sets={sets} />
            </Card>
          ))}
        </Flex>
      )}
      {data?.canManage && dialog ? <CreateSetDialog mode={dialog} sets={data.sets} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

function SetTable({ year, sets }: { year: number; sets: SetSummary[] }) {
  const t = useParSetT();
  const locale = useLocale();
  const columns: ColumnsType<SetSummary> = [
    { title: t('col.name'), key: 'name', render: (_, s) => <Link to={setPath(s.id)}>{s.name}</Link> },
    { title: t('col.blocks'), key: 'blocks', width: 260, render: (_, s) => <Flex gap={4} wrap>{s.blocks.map((b) => <Tag key={b} style={{ marginInlineEnd: 0 }}>{BLOCK_LABELS[b][locale]}</Tag>)}</Flex> },
    {
      title: t('col.status'), key: 'status', width: 320,
      render: (_, s) => (
        <Flex vertical gap={4} align="flex-start">
          <Flex gap={4} wrap><StatusTag status={s.status} /><SetTags set={s} /></Flex>
          {s.decisionNumber ? <Typography.Text type="secondary">{t('decision.short', { number: s.decisionNumber, date: formatDate(s.decisionDate) })}</Typography.Text> : null}
        </Flex>
      ),
    },
  ];
  return <Table<SetSummary> aria-label={t('list.table', { year })} rowKey="id" size="small" columns={columns} dataSource={sets} pagination={false} />;
}
