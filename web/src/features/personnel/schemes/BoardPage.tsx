import { useMemo, useState } from 'react';
import { Card, Checkbox, DatePicker, Flex, Input, Progress, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import { normalizeForSearch } from '../../../../../src/modules/catalog/rules/search';
import { DATE_PATTERN, formatDate } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type BoardRow, useBoard } from '../api-schemes';
import { usePersonnelT } from '../i18n';
import { PLACEMENT_DEADLINE } from '../labels';
import { SCHEMES_PATH, todayInVietnam } from '../paths';
import { PersonnelNav } from '../PersonnelNav';
import { useUnitLabel } from '../ui';
import { Count } from './SchemeTags';
import '../personnel.css';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * `/can-bo/nhan-su/bo-tri`: the Department of Home Affairs' board — each unit's headcount against its
 * approved scheme, and its civil servants placed, pending and overdue against the placement deadline
 * (Law 80/2025 Art. 45(2)); people recruited from 1/7/2025 were recruited into a position and are not counted.
 */
export default function BoardPage() {
  const t = usePersonnelT();
  const ts = useT();
  const [params, setParams] = useSearchParams();
  const day = DAY.test(params.get('day') ?? '') ? params.get('day') : null;
  const board = useBoard(day);
  const data = board.data;
  const deadline = data?.deadline ?? PLACEMENT_DEADLINE;
  const shownDay = data?.day ?? day ?? todayInVietnam();
  const left = daysBetween(shownDay, deadline);
  const unitLabel = useUnitLabel();
  const [filter, setFilter] = useState('');
  const [behind, setBehind] = useState(false);
  // Every unit of the province may be listed: narrowed by name, or to those with people still to place.
  const rows = useMemo(() => {
    const needle = normalizeForSearch(filter);
    return (data?.rows ?? []).map((r) => ({ ...r, unitName: unitLabel(r.unitId, r.unitName) }))
      .filter((r) => (!needle || normalizeForSearch(r.unitName).includes(needle)) && (!behind || r.placement.pending + r.placement.overdue > 0));
  }, [data, filter, behind, unitLabel]);

  const columns: ColumnsType<BoardRow> = [
    { title: t('board.col.unit'), key: 'unit', render: (_, r) => <Link to={`${SCHEMES_PATH}?unitId=${r.unitId}`}>{r.unitName}</Link> },
    {
      title: t('board.group.positions'),
      children: [
        { title: t('gap.col.quota'), key: 'quota', width: 130, align: 'right', render: (_, r) => (r.schemeId === null ? <Typography.Text type="secondary">{t('board.noScheme')}</Typography.Text> : r.quota) },
        { title: t('gap.col.filled'), dataIndex: 'filled', width: 100, align: 'right' },
        { title: t('gap.col.vacant'), key: 'vacant', width: 100, align: 'right', render: (_, r) => <Count n={r.vacant} tone="warning" /> },
        { title: t('gap.col.over'), key: 'over', width: 80, align: 'right', render: (_, r) => <Count n={r.over} tone="danger" /> },
      ],
    },
    {
      title: t('board.group.placement', { deadline: formatDate(deadline) }),
      children: [
        { title: t('board.col.placed'), key: 'placed', width: 100, align: 'right', render: (_, r) => r.placement.placed },
        { title: t('board.col.pending'), key: 'pending', width: 100, align: 'right', render: (_, r) => <Count n={r.placement.pending} tone="warning" /> },
        { title: t('board.col.overdue'), key: 'overdue', width: 100, align: 'right', render: (_, r) => <Count n={r.placement.overdue} tone="danger" /> },
        {
          title: t('board.col.progress'), key: 'progress', width: 180,
          render: (_, r) => {
            const due = r.placement.placed + r.placement.pending + r.placement.overdue;
            if (!due) return <Typography.Text type="secondary">{t('none')}</Typography.Text>;
            const pct = Math.round((r.placement.placed / due) * 100);
            return (
              <Tooltip title={t('board.progressTip', { placed: r.placement.placed, due, notRequired: r.placement.not_required })}>
                <Progress percent={pct} size="small" status={r.placement.overdue ? 'exception' : pct === 100 ? 'success' : 'normal'} aria-label={t('board.progressAria', { unit: r.unitName, pct })} />
              </Tooltip>
            );
          },
        },
      ],
    },
  ];

  const sum = (f: (r: BoardRow) => number) => rows.reduce((a, r) => a + f(r), 0);
  return (
    <>
      <PageHeader title={t('board.title')} subtitle={t('board.subtitle', { deadline: formatDate(deadline) })} />
      <PersonnelNav />
      <Card size="small">
        <Flex gap={12} align="center" wrap justify="space-between" style={{ marginBottom: 12 }}>
          <Flex gap={8} align="center">
            <label htmlFor="hr-board-day">{t('board.day')}</label>
            <DatePicker id="hr-board-day" format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} allowClear={false}
              value={dayjs(shownDay)} onChange={(d) => setParams(d ? { day: d.format('YYYY-MM-DD') } : {}, { replace: true })} />
          </Flex>
          <Input.Search aria-label={t('board.filter')} placeholder={t('board.filter')} allowClear value={filter} onChange={(e) => setFilter(e.target.value)} style={{ maxWidth: 320 }} />
          <Checkbox checked={behind} onChange={(e) => setBehind(e.target.checked)}>{t('board.behind')}</Checkbox>
          <Typography.Text type={left > 0 ? 'secondary' : 'danger'} strong={left <= 0}>
            {left > 0 ? t('board.daysLeft', { n: left, deadline: formatDate(deadline) }) : t('board.pastDeadline', { deadline: formatDate(deadline) })}
          </Typography.Text>
        </Flex>
        {board.isError ? <ErrorResult variant="inline" error={board.error} onRetry={() => void board.refetch()} /> : (
          <Table<BoardRow> aria-label={t('board.table')} rowKey="unitId" size="middle" bordered columns={columns} dataSource={rows} loading={board.isLoading}
            pagination={{ pageSize: 25, hideOnSinglePage: true, showSizeChanger: false }} scroll={{ x: 1150 }} locale={{ emptyText: t('board.empty') }}
            summary={() => (rows.length > 1 ? (
              <Table.Summary.Row className="mc-hr-total">
                <Table.Summary.Cell index={0}>{t('total')}</Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">{sum((r) => r.quota)}</Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">{sum((r) => r.filled)}</Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right"><Count n={sum((r) => r.vacant)} tone="warning" /></Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right"><Count n={sum((r) => r.over)} tone="danger" /></Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right">{sum((r) => r.placement.placed)}</Table.Summary.Cell>
                <Table.Summary.Cell index={6} align="right"><Count n={sum((r) => r.placement.pending)} tone="warning" /></Table.Summary.Cell>
                <Table.Summary.Cell index={7} align="right"><Count n={sum((r) => r.placement.overdue)} tone="danger" /></Table.Summary.Cell>
                <Table.Summary.Cell index={8} />
              </Table.Summary.Row>
            ) : null)} />
        )}
      </Card>
    </>
  );
}
