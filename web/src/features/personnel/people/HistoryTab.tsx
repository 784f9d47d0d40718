import { useState } from 'react';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { formatDate } from '../../../shared/format';
import type { Movement, PersonDetail, Placement } from '../api-people';
import { usePeopleT } from '../i18n';
import { MovementDialog } from './MovementDialog';

/** Placements in positions and the movements behind them, each with its decision; HR records a new one. */
export function HistoryTab({ detail, reload }: { detail: PersonDetail; reload: () => unknown }) {
  const t = usePeopleT();
  const [open, setOpen] = useState(false);
  const canRecord = detail.standing === 'hr' && detail.person.status === 'serving';
  const placements: ColumnsType<Placement> = [
    { title: t('place.col.position'), key: 'position', render: (_, p) => `${p.positionCode} — ${p.positionName}` },
    { title: t('place.col.unit'), dataIndex: 'unitName', width: 240 },
    { title: t('place.col.from'), key: 'from', width: 120, render: (_, p) => formatDate(p.from) },
    { title: t('place.col.to'), key: 'to', width: 120, render: (_, p) => (p.to ? formatDate(p.to) : <Tag color="green">{t('place.current')}</Tag>) },
  ];
  const movements: ColumnsType<Movement> = [
    { title: t('mov.col.on'), key: 'on', width: 120, render: (_, m) => formatDate(m.on) },
    { title: t('mov.col.kind'), key: 'kind', width: 140, render: (_, m) => <Tag color={m.kind === 'leaving' || m.kind === 'retirement' ? 'red' : 'blue'}>{t(`kind.${m.kind}`)}</Tag> },
    {
      title: t('mov.col.detail'), key: 'detail',
      render: (_, m) => [
        m.positionName ? t('mov.position', { name: m.positionName }) : null,
        m.toUnitName ? t('mov.toUnit', { unit: m.toUnitName }) : null,
        m.until ? t('mov.until', { date: formatDate(m.until) }) : null,
        m.note,
      ].filter(Boolean).join('; '),
    },
    { title: t('mov.col.decision'), key: 'decision', width: 260, render: (_, m) => t('mov.decision', { number: m.decisionNo, date: formatDate(m.decisionDate) }) + (m.signer ? ` — ${m.signer}` : '') },
  ];
  return (
    <Flex vertical gap={16}>
      {canRecord ? <div><Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setOpen(true)}>{t('move.button')}</Button></div> : null}
      <section>
        <Typography.Title level={3} className="mc-hr-h3" style={{ marginBottom: 8 }}>{t('place.title')}</Typography.Title>
        <Table<Placement> aria-label={t('place.title')} rowKey="id" size="small" columns={placements} dataSource={detail.placements} pagination={false} scroll={{ x: 700 }}
          locale={{ emptyText: t('place.empty') }} />
      </section>
      <section>
        <Typography.Title level={3} className="mc-hr-h3" style={{ marginBottom: 8 }}>{t('mov.title')}</Typography.Title>
        <Table<Movement> aria-label={t('mov.title')} rowKey="id" size="small" columns={movements} dataSource={detail.movements} pagination={false} scroll={{ x: 800 }}
          locale={{ emptyText: t('mov.empty') }} />
      </section>
      {open ? <MovementDialog person={detail.person} onClose={() => setOpen(false)} reload={reload} /> : null}
    </Flex>
  );
}
