import { Card, Flex, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../shared/format';
import type { DossierSummary } from '../api';
import { useDossierT } from '../i18n';
import { StatusTag, TimelinessTag } from '../StatusTags';

export const dossierPath = (code: string) => `/can-bo/ho-so/${encodeURIComponent(code)}`;

const noWrap = () => ({ style: { whiteSpace: 'nowrap' as const } });

interface Props {
  items: DossierSummary[];
  loading: boolean;
  empty: string;
}

/** The queue as a table on wide screens. */
export function DossierTable({ items, loading, empty }: Props) {
  const t = useDossierT();
  const columns: ColumnsType<DossierSummary> = [
    {
      title: t('col.code'),
      dataIndex: 'code',
      onCell: noWrap,
      render: (code: string) => (
        <Link to={dossierPath(code)} style={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
          {code}
        </Link>
      ),
    },
    {
      title: t('col.procedure'),
      dataIndex: 'procedureName',
      onCell: () => ({ style: { minWidth: 220 } }),
      render: (name: string, d) => (
        <>
          <div>{name}</div>
          {d.fieldName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.fieldName}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: t('col.applicant'), dataIndex: 'applicantName', onCell: () => ({ style: { minWidth: 150 } }) },
    { title: t('col.received'), dataIndex: 'receivedAt', onCell: noWrap, render: (v: string | null) => formatDateTime(v) || '—' },
    { title: t('col.due'), dataIndex: 'dueAt', onCell: noWrap, render: (v: string | null) => formatDateTime(v) || '—' },
    { title: t('col.status'), dataIndex: 'statusCode', onCell: noWrap, render: (code: number) => <StatusTag statusCode={code} /> },
    { title: t('col.timeliness'), dataIndex: 'timeliness', onCell: noWrap, render: (v: DossierSummary['timeliness']) => <TimelinessTag value={v} /> },
  ];
  return (
    <Table<DossierSummary>
      aria-label={t('list.table')}
      rowKey="code"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 960 }}
      locale={{ emptyText: empty }}
    />
  );
}

/** The queue as cards on phones: code, procedure, applicant, due date and tags. */
export function DossierCards({ items, loading, empty }: Props) {
  const t = useDossierT();
  return (
    <List<DossierSummary>
      aria-label={t('list.table')}
      loading={loading}
      dataSource={items}
      locale={{ emptyText: empty }}
      renderItem={(d) => (
        <List.Item key={d.code} style={{ padding: '6px 0', borderBlockEnd: 'none' }}>
          <Card size="small" style={{ width: '100%' }}>
            <Flex justify="space-between" gap={8} wrap>
              <Link to={dossierPath(d.code)} style={{ fontWeight: 600 }}>
                {d.code}
              </Link>
              <Flex gap={4} wrap>
                <StatusTag statusCode={d.statusCode} />
                <TimelinessTag value={d.timeliness} />
              </Flex>
            </Flex>
            <div style={{ marginTop: 6 }}>{d.procedureName}</div>
            <Typography.Text type="secondary">{d.applicantName}</Typography.Text>
            <div style={{ marginTop: 4, fontSize: 13 }}>
              {t('col.due')}: <strong>{formatDateTime(d.dueAt) || '—'}</strong>
            </div>
          </Card>
        </List.Item>
      )}
    />
  );
}
