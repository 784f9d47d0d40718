import { Card, Flex, Skeleton, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { useUnits } from '../../org/api';
import { type PositionRow, useUnitPositions } from '../api-schemes';
import { usePersonnelT } from '../i18n';
import { POSITION_CATEGORY_LABELS } from '../labels';
import { personPath } from '../paths';
import { Count } from './SchemeTags';

/** GET /units/:unitId/positions: the positions in force with approved, filled, vacant and over, and who holds each. */
export function GapTable({ unitId }: { unitId: number }) {
  const t = usePersonnelT();
  const locale = useLocale();
  const units = useUnits();
  const unitName = units.data?.find((u) => Number(u.id) === unitId)?.name ?? '';
  const positions = useUnitPositions(unitId);
  const data = positions.data;
  const columns: ColumnsType<PositionRow> = [
    { title: t('gap.col.code'), dataIndex: 'code', width: 90 },
    { title: t('gap.col.name'), dataIndex: 'name' },
    { title: t('gap.col.category'), key: 'category', width: 170, render: (_, r) => POSITION_CATEGORY_LABELS[r.category]?.[locale] ?? r.category },
    { title: t('gap.col.quota'), dataIndex: 'quota', width: 100, align: 'right' },
    { title: t('gap.col.filled'), dataIndex: 'filled', width: 100, align: 'right' },
    { title: t('gap.col.vacant'), key: 'vacant', width: 100, align: 'right', render: (_, r) => <Count n={r.vacant} tone="warning" /> },
    { title: t('gap.col.over'), key: 'over', width: 80, align: 'right', render: (_, r) => <Count n={r.over} tone="danger" /> },
    {
      title: t('gap.col.holders'), key: 'holders', width: 260,
      render: (_, r) => (r.holders.length ? (
        <Flex vertical gap={2}>{r.holders.map((h) => <Link key={h.personId} to={personPath(h.personId)}>{h.fullName}</Link>)}</Flex>
      ) : <Typography.Text type="secondary">{t('none')}</Typography.Text>),
    },
  ];
  return (
    <Card size="small" title={<Typography.Title level={2} className="mc-hr-h2">{t('gap.title', { unit: unitName })}</Typography.Title>}>
      {positions.isError ? <ErrorResult variant="inline" error={positions.error} onRetry={() => void positions.refetch()} /> : !data ? <Skeleton active /> : data.schemeId === null ? (
        <Typography.Text type="secondary">{t('gap.noScheme')}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            {t('gap.subtitle', { number: data.decisionNo ?? t('none'), date: formatDate(data.effectiveFrom), day: formatDate(data.day) })}
          </Typography.Paragraph>
          <Table<PositionRow> aria-label={t('gap.table')} rowKey="code" size="small" columns={columns} dataSource={data.rows} pagination={false} scroll={{ x: 1000 }}
            summary={() => (
              <Table.Summary.Row className="mc-hr-total">
                <Table.Summary.Cell index={0} colSpan={3}>{t('total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">{data.totals.quota}</Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">{data.totals.filled}</Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right"><Count n={data.totals.vacant} tone="warning" /></Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right"><Count n={data.totals.over} tone="danger" /></Table.Summary.Cell>
                <Table.Summary.Cell index={7} />
              </Table.Summary.Row>
            )} />
        </>
      )}
    </Card>
  );
}
