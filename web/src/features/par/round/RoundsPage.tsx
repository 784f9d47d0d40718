import { useState } from 'react';
import { Button, Card, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { OrderedListOutlined, PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type RoundSummary, useRounds } from '../api-rounds';
import { useParRoundT } from '../i18n-rounds';
import { RANKING_PATH, SETS_PATH } from '../sets/paths';
import { OpenRoundDialog } from './OpenRoundDialog';
import { boardPath, sheetPath } from './paths';
import { SheetStatusTag, StageTag } from './StageTag';
import './round.css';

/** `/can-bo/cchc`: the PAR rounds, the caller's own scoring sheets, and for the organiser "Mở đợt đánh giá". */
export default function RoundsPage() {
  const t = useParRoundT();
  const list = useRounds();
  const [opening, setOpening] = useState(false);
  const data = list.data;
  const columns: ColumnsType<RoundSummary> = [
    { title: t('list.col.year'), dataIndex: 'year', width: 80 },
    { title: t('list.col.name'), key: 'name', render: (_, r) => <Link to={boardPath(r.id)} style={{ fontWeight: 600 }}>{r.name}</Link> },
    { title: t('list.col.stage'), key: 'stage', width: 190, render: (_, r) => <StageTag stage={r.stage} /> },
    { title: t('list.col.deadline'), key: 'deadline', width: 150, render: (_, r) => formatDate(r.selfDeadline) },
    { title: t('list.col.submitted'), key: 'submitted', width: 150, align: 'right', render: (_, r) => `${r.submitted}/${r.participants}` },
    {
      title: t('list.col.mine'), key: 'mine', width: 300,
      render: (_, r) => (r.mySheets.length === 0 ? t('none') : (
        <Flex vertical gap={4} align="flex-start">
          {r.mySheets.map((s) => (
            <Flex key={s.unitId} gap={6} align="center" wrap>
              <Link to={sheetPath(r.id, s.unitId)}>{t('list.mySheet', { unit: s.unitName })}</Link>
              <SheetStatusTag status={s.status} />
            </Flex>
          ))}
        </Flex>
      )),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('list.title')}
        subtitle={data ? t('list.subtitle', { organiser: data.organiser.name }) : undefined}
        extra={(
          <>
            <Link to={SETS_PATH}><Button icon={<OrderedListOutlined aria-hidden />}>{t('list.sets')}</Button></Link>
            <Link to={RANKING_PATH}><Button icon={<TrophyOutlined aria-hidden />}>{t('list.ranking')}</Button></Link>
            {data?.canOpen ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpening(true)}>{t('list.open')}</Button> : null}
          </>
        )}
      />
      <Card size="small">
        {list.isError ? <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} /> : (
          <Table<RoundSummary>
            aria-label={t('list.table')}
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data?.rounds ?? []}
            loading={list.isFetching}
            pagination={false}
            scroll={{ x: 1000 }}
            locale={{ emptyText: <Typography.Text type="secondary">{t('list.empty')}</Typography.Text> }}
          />
        )}
      </Card>
      {opening && data ? <OpenRoundDialog rounds={data.rounds} onClose={() => setOpening(false)} /> : null}
    </>
  );
}
