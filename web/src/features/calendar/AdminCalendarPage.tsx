import { useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Flex, Grid, Input, List, Row, Skeleton, Table, Tabs, Tag, Typography } from 'antd';
import { FileAddOutlined, RollbackOutlined } from '@ant-design/icons';
import { errorMessage } from '../../shared/api';
import { formatDate, formatDateTime } from '../../shared/format';
import { useLocale } from '../../shared/i18n';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { isStaleVersion, useStaleVersionNotice } from '../../shared/ui/staleVersion';
import { type AdminYear, type Notice, type YearChange, useAdminYear, useWithdrawNotice, useYearNote } from './api';
import { vnToday } from './dates';
import { DayEditModal } from './DayEditModal';
import { useCalendarT } from './messages';
import { CHANGE_COLOR, NoticeModal } from './NoticeModal';
import { HoursPanel } from './HoursPanel';
import { MonthSwitcher, YearSwitcher } from './PublicSchedulePage';
import { Legend, STATUS_KEY, YearGrid } from './YearGrid';
import { KIND_COLOR } from './DayDetails';

function ChangesTable({ changes }: { changes: YearChange[] }) {
  const t = useCalendarT();
  if (changes.length === 0) return <Empty description={t('admin.noChanges')} />;
  return (
    <Table<YearChange>
      size="small"
      rowKey="date"
      dataSource={changes}
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: t('table.date'), dataIndex: 'date', render: (d: string) => formatDate(d), width: 110 },
        { title: '', dataIndex: 'change', width: 100, render: (c: YearChange['change']) => <Tag color={CHANGE_COLOR[c]}>{t(`admin.change.${c}`)}</Tag> },
        { title: t('day.source'), dataIndex: 'source', width: 170, render: (s: YearChange['source']) => t(`source.${s}`) },
        { title: t('notice.note'), dataIndex: 'note', render: (n: string) => <span style={{ display: 'inline-block', minWidth: 280, maxWidth: 640, whiteSpace: 'normal' }}>{n}</span> },
      ]}
    />
  );
}

function NoticesList({ data, onStale }: { data: AdminYear; onStale: () => void }) {
  const t = useCalendarT();
  const locale = useLocale();
  const { modal, message } = App.useApp();
  const withdraw = useWithdrawNotice();
  const ask = (n: Notice) => {
    let reason = '';
    modal.confirm({
      title: t('notice.withdrawTitle', { document: n.document }),
      content: <Input.TextArea rows={2} placeholder={t('notice.withdrawReason')} onChange={(e) => { reason = e.target.value; }} />,
      okButtonProps: { danger: true },
      okText: t('notice.withdraw'),
      onOk: async () => {
        if (!reason.trim()) {
          message.error(t('notice.withdrawReason'));
          throw new Error('reason');
        }
        try {
          await withdraw.mutateAsync({ id: n.id, version: data.version, reason: reason.trim() });
        } catch (error) {
          if (isStaleVersion(error)) return onStale();
          message.error(errorMessage(error, locale));
        }
      },
    });
  };
  if (data.notices.length === 0) return <Empty description={t('notice.empty')} />;
  return (
    <List
      dataSource={data.notices}
      renderItem={(n) => (
        <List.Item
          actions={n.withdrawnAt ? [] : [<Button key="w" size="small" icon={<RollbackOutlined />} onClick={() => ask(n)}>{t('notice.withdraw')}</Button>]}
        >
          <List.Item.Meta
            title={<span style={n.withdrawnAt ? { textDecoration: 'line-through' } : undefined}>{n.document} ({formatDate(n.date)}){n.issuer ? ` — ${n.issuer}` : ''}</span>}
            description={
              <>
                <div>{n.title}</div>
                {n.note ? <div>{n.note}</div> : null}
                <Flex wrap gap={4} style={{ margin: '6px 0' }}>
                  {n.days.map((d) => (
                    <Tag key={d.date} color={KIND_COLOR[d.kind]} title={d.name}>{formatDate(d.date)} · {t(STATUS_KEY[d.kind])}</Tag>
                  ))}
                </Flex>
                <Typography.Text type="secondary">{t('notice.recordedBy', { at: formatDateTime(n.recordedAt), by: n.recordedBy ?? '—' })}</Typography.Text>
                {n.withdrawnAt ? <div><Tag color="red">{t('notice.withdrawn', { reason: n.withdrawnReason ?? '' })}</Tag></div> : null}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}

function YearNote({ data, onStale }: { data: AdminYear; onStale: () => void }) {
  const t = useCalendarT();
  const locale = useLocale();
  const { message } = App.useApp();
  const save = useYearNote(data.year);
  const [note, setNote] = useState(data.note ?? '');
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Text strong>{t('admin.note')}</Typography.Text>
      <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} style={{ margin: '6px 0 8px' }} />
      <Button
        loading={save.isPending}
        disabled={note === (data.note ?? '')}
        onClick={async () => {
          try {
            await save.mutateAsync({ version: data.version, note: note.trim() || null });
            message.success(t('admin.noteSaved'));
          } catch (error) {
            if (isStaleVersion(error)) return onStale();
            message.error(errorMessage(error, locale));
          }
        }}
      >
        {t('admin.noteSave')}
      </Button>
    </div>
  );
}

/** /quan-tri/lich: the province calendar by year, its notices, edits and office hours. */
export default function AdminCalendarPage() {
  const t = useCalendarT();
  const [year, setYear] = useState(Number(vnToday().slice(0, 4)));
  const [editing, setEditing] = useState<string | null>(null);
  const [recording, setRecording] = useState(false);
  const [month, setMonth] = useState(Number(vnToday().slice(5, 7)));
  const phone = Grid.useBreakpoint().md === false;
  const data = useAdminYear(year);
  const notifyStale = useStaleVersionNotice();
  const onStale = () => notifyStale(() => { setEditing(null); setRecording(false); return data.refetch(); });
  const y = data.data;

  return (
    <>
      <PageHeader
        title={t('admin.title')}
        subtitle={t('admin.subtitle')}
        extra={
          <Flex gap={8} align="center" wrap>
            <YearSwitcher year={year} onChange={setYear} />
            <Button type="primary" icon={<FileAddOutlined />} disabled={!y} onClick={() => setRecording(true)}>
              {t('notice.add')}
            </Button>
          </Flex>
        }
      />
      {data.isError ? (
        <ErrorResult error={data.error} onRetry={() => void data.refetch()} />
      ) : !y ? (
        <Card><Skeleton active paragraph={{ rows: 10 }} /></Card>
      ) : (
        <Tabs
          items={[
            {
              key: 'calendar',
              label: t('admin.tab.calendar'),
              children: (
                <Card size="small">
                  <Flex justify="space-between" wrap gap={8} style={{ marginBottom: 8 }}>
                    <Typography.Text type="secondary">{t('admin.editHint')}</Typography.Text>
                    <Tag>{t('admin.version', { version: y.version })}</Tag>
                  </Flex>
                  {!y.stored ? <Alert type="info" showIcon title={t('admin.notStored')} style={{ marginBottom: 12 }} /> : null}
                  <Legend />
                  {phone ? <MonthSwitcher year={year} month={month} onChange={(ny, m) => { setYear(ny); setMonth(m); }} /> : null}
                  <YearGrid year={year} days={y.days} saturdayWorking={y.options.saturdayWorking} selected={editing} onSelect={setEditing} months={phone ? [month] : undefined} />
                  <YearNote key={`${year}:${y.version}`} data={y} onStale={onStale} />
                </Card>
              ),
            },
            { key: 'changes', label: t('admin.tab.changes'), children: <Card size="small"><ChangesTable changes={y.changes} /></Card> },
            { key: 'notices', label: t('admin.tab.notices'), children: <Card size="small"><NoticesList data={y} onStale={onStale} /></Card> },
            { key: 'hours', label: t('admin.tab.hours'), children: <Row><Col span={24}><HoursPanel /></Col></Row> },
          ]}
        />
      )}
      {y && editing ? (
        <DayEditModal
          key={`${editing}:${y.version}`}
          date={editing}
          entry={y.days.find((d) => d.date === editing)}
          version={y.version}
          saturdayWorking={y.options.saturdayWorking}
          onClose={() => setEditing(null)}
          onStale={onStale}
        />
      ) : null}
      {y && recording ? <NoticeModal year={year} version={y.version} onClose={() => setRecording(false)} onStale={onStale} /> : null}
    </>
  );
}
