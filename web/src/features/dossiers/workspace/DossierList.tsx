import { Card, Flex, List, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { formatDate, formatDateTime } from '../../../shared/format';
import type { DossierSummary } from '../api';
import '../dossiers.css';
import { useDossierT } from '../i18n';
import { StatusTag, TimelinessTag } from '../StatusTags';

export const dossierPath = (code: string) => `/can-bo/ho-so/${encodeURIComponent(code)}`;

/** Open work past its deadline: the whole row says so, not only a tag at the far right. */
export const isOverdue = (d: Pick<DossierSummary, 'timeliness'>) => d.timeliness === 'overdue';

interface Props {
  items: DossierSummary[];
  loading: boolean;
  empty: string;
}

/** A date over its time, so the column stays narrow enough for the table to fit 1366 px. */
function When({ value }: { value: string | null }) {
  if (!value) return <>—</>;
  return (
    <span className="mc-when">
      <span>{formatDate(value)}</span>
      <Typography.Text type="secondary">{formatDateTime(value).slice(11)}</Typography.Text>
    </span>
  );
}

/** The due date with its timeliness underneath; while the clock is paused, the pause instead of a date. */
function Due({ d }: { d: DossierSummary }) {
  const t = useDossierT();
  return (
    <Flex vertical gap={4} align="flex-start">
      {d.pausedSince ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>{t('list.pausedSince', { at: formatDate(d.pausedSince) })}</Typography.Text>
      ) : (
        <When value={d.dueAt} />
      )}
      <TimelinessTag value={d.timeliness} />
    </Flex>
  );
}

/**
 * The queue as a table on wide screens. Five columns — the dossier (code over procedure), the
 * applicant, received, due with its timeliness, status — fit a 1366 px screen without a scroll bar.
 */
export function DossierTable({ items, loading, empty }: Props) {
  const t = useDossierT();
  const columns: ColumnsType<DossierSummary> = [
    {
      title: t('col.dossier'),
      key: 'dossier',
      render: (_, d) => (
        <>
          <Link to={dossierPath(d.code)} className="mc-code" style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>
            {d.code}
          </Link>
          <div className="mc-clamp-2" title={d.procedureName}>{d.procedureName}</div>
          {d.fieldName ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.fieldName}
            </Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: t('col.applicant'), dataIndex: 'applicantName', width: 170 },
    { title: t('col.received'), dataIndex: 'receivedAt', width: 110, render: (v: string | null) => <When value={v} /> },
    { title: t('col.dueTimeliness'), key: 'due', width: 180, render: (_, d) => <Due d={d} /> },
    { title: t('col.status'), dataIndex: 'statusCode', width: 170, render: (code: number) => <span className="mc-status-cell"><StatusTag statusCode={code} /></span> },
  ];
  return (
    <Table<DossierSummary>
      aria-label={t('list.table')}
      className="mc-queue"
      rowKey="code"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      tableLayout="fixed"
      rowClassName={(d) => (isOverdue(d) ? 'mc-row-overdue' : '')}
      onRow={(d) => ({ 'data-code': d.code, 'data-timeliness': d.timeliness ?? '' }) as HTMLAttributes<HTMLElement>}
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
          <Card size="small" style={{ width: '100%' }} className={isOverdue(d) ? 'mc-card-overdue' : undefined} data-code={d.code}>
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
              {d.pausedSince ? (
                t('list.pausedSince', { at: formatDate(d.pausedSince) })
              ) : (
                <>
                  {t('col.due')}: <strong>{formatDateTime(d.dueAt) || '—'}</strong>
                </>
              )}
            </div>
          </Card>
        </List.Item>
      )}
    />
  );
}
