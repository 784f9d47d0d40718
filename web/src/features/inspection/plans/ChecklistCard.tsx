import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, Grid, Input, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime } from '../../../shared/format';
import { Muted, Problem, useSend } from '../ui';
import { type ChecklistItem, type InspectionDetail, useInspectionAction } from './api-inspections';
import { useInspectionsT, usePlansT } from './i18n';
import { VERDICTS, type Verdict, useCodes, useLabel } from './labels';
import { VerdictTag } from './tags';

type Draft = Record<string, { verdict: Verdict; note: string }>;
const draftOf = (items: ChecklistItem[]): Draft => Object.fromEntries(items.map((i) => [i.code, { verdict: i.verdict, note: i.note ?? '' }]));

/** The items whose figure moved the last time the team took the figures again (the event keeps them). */
function movedAtLastRefresh(d: InspectionDetail): string[] | null {
  const last = [...d.events].reverse().find((e) => e.action === 'refresh_checklist');
  return last && Array.isArray(last.details.changed) ? last.details.changed.map(String) : null;
}

/**
 * The record's checklist: each item with the inspected unit's figure as taken, its source, and the team's
 * verdict and note. While in progress the team edits verdicts and notes (saved together) and may take the
 * figures again; after the conclusion it is read only. On a phone the rows become a list.
 */
export function ChecklistCard({ d, reload }: { d: InspectionDetail; reload: () => unknown }) {
  const t = useInspectionsT();
  const tp = usePlansT();
  const codes = useCodes();
  const label = useLabel();
  const { message } = App.useApp();
  const wide = Grid.useBreakpoint().md ?? true;
  const act = useInspectionAction(d.id);
  const send = useSend(null, reload);
  const items = useMemo(() => d.checklist?.items ?? [], [d.checklist]);
  const [draft, setDraft] = useState<Draft>(() => draftOf(items));
  const base = useRef(items);
  // New figures or verdicts from the server (saved, refreshed, or changed by someone else) replace the
  // draft, except the items the user changed and has not saved yet: a refresh does not lose them.
  useEffect(() => {
    const before = base.current;
    base.current = items;
    setDraft((current) => {
      const next = draftOf(items);
      for (const i of before) {
        const mine = current[i.code];
        if (mine && (mine.verdict !== i.verdict || mine.note.trim() !== (i.note ?? ''))) next[i.code] = mine;
      }
      return next;
    });
  }, [items]);
  if (!d.checklist) return d.status === 'planned' ? <Card size="small" title={t('checklist.title')}><Muted>{t('checklist.notYet')}</Muted></Card> : null;

  const editable = d.allowedActions.includes('set_verdicts');
  const inspecting = d.view === 'inspecting';
  const moved = movedAtLastRefresh(d);
  const changed = items.filter((i) => draft[i.code] && (draft[i.code]!.verdict !== i.verdict || draft[i.code]!.note.trim() !== (i.note ?? '')));
  const set = (code: string, patch: Partial<Draft[string]>) => setDraft((x) => ({ ...x, [code]: { ...x[code]!, ...patch } }));
  const save = async () => {
    if (await send.run(() => act.mutateAsync({ action: 'set_verdicts', version: d.version, items: changed.map((i) => ({ code: i.code, verdict: draft[i.code]!.verdict, note: draft[i.code]!.note.trim() || null })) }))) {
      void message.success(tp('done'));
    }
  };
  const refresh = async () => {
    if (await send.run(() => act.mutateAsync({ action: 'refresh_checklist', version: d.version }))) void message.success(tp('done'));
  };

  const figure = (i: ChecklistItem) => (i.figure ? label(i.figure.text) : <Muted>{i.kind === 'manual' ? t('checklist.manual') : tp('none')}</Muted>);
  const movedTag = (i: ChecklistItem) => (moved?.includes(i.code) ? <Tag color="orange">{t('checklist.moved')}</Tag> : null);
  const verdict = (i: ChecklistItem) => (editable
    ? <Select aria-label={t('checklist.verdictOf', { item: label(i.label) })} value={draft[i.code]?.verdict} style={{ width: '100%', minWidth: 150 }} popupMatchSelectWidth={false}
      onChange={(v: Verdict) => set(i.code, { verdict: v })} options={VERDICTS.map((v) => ({ value: v, label: codes.verdict(v) }))} />
    : <VerdictTag verdict={i.verdict} />);
  const note = (i: ChecklistItem) => (editable
    ? <Input.TextArea aria-label={t('checklist.noteOf', { item: label(i.label) })} value={draft[i.code]?.note} rows={1} maxLength={4000} placeholder={t('checklist.notePlaceholder')}
      onChange={(e) => set(i.code, { note: e.target.value })} />
    : <span className="mc-insp-text">{i.note}</span>);

  const columns: ColumnsType<ChecklistItem> = [
    {
      title: t('checklist.item'), key: 'item', width: 260,
      render: (_, i) => <div><Typography.Text strong>{label(i.label)}</Typography.Text> {movedTag(i)}<div className="mc-insp-source">{t('checklist.source')}: {label(i.source)}</div></div>,
    },
    { title: t('checklist.figure'), key: 'figure', width: 200, render: (_, i) => figure(i) },
    // The verdict and the team's note share a column, so the table fits beside the page's side column.
    {
      title: inspecting ? t('checklist.verdictNote') : t('checklist.verdict'), key: 'verdict', width: 230,
      render: (_, i) => <Flex vertical gap={6} align={editable ? 'stretch' : 'flex-start'}>{verdict(i)}{inspecting && (editable || i.note) ? note(i) : null}</Flex>,
    },
  ];
  const { rollup } = d.checklist;
  return (
    <Card size="small" title={t('checklist.title')} data-testid="checklist"
      extra={d.allowedActions.includes('refresh_checklist') ? <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void refresh()} loading={send.pending && !changed.length}>{t('act.refresh_checklist')}</Button> : null}>
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        <Muted>{t('checklist.taken', { at: formatDateTime(d.checklist.takenAt), from: formatDate(d.coversFrom), to: formatDate(d.coversTo) })}</Muted>
        {d.status === 'concluded' || d.status === 'closed' ? <Muted>{t('checklist.frozen')}</Muted> : null}
        {moved && d.status === 'in_progress' ? (
          <Alert type={moved.length ? 'warning' : 'info'} showIcon data-testid="checklist-moved"
            title={moved.length ? t('checklist.changed', { items: moved.map(codes.checklistItem).join('; ') }) : t('checklist.unchanged')} />
        ) : null}
      </Flex>
      {wide ? (
        <Table<ChecklistItem> aria-label={t('checklist.table')} rowKey="code" size="small" columns={columns} dataSource={items} pagination={false} scroll={{ x: 690 }}
          rowClassName={(i) => (moved?.includes(i.code) ? 'mc-insp-moved' : '')} />
      ) : (
        <div role="list" aria-label={t('checklist.table')}>
          {items.map((i) => (
            <div key={i.code} role="listitem" className={`mc-insp-check-item${moved?.includes(i.code) ? ' mc-insp-moved' : ''}`}>
              <Typography.Text strong>{label(i.label)}</Typography.Text> {movedTag(i)}
              <div>{figure(i)}</div>
              <div className="mc-insp-source">{t('checklist.source')}: {label(i.source)}</div>
              <Flex vertical gap={6} align={editable ? 'stretch' : 'flex-start'} style={{ marginTop: 6 }}>{verdict(i)}{inspecting && (editable || i.note) ? note(i) : null}</Flex>
            </div>
          ))}
        </div>
      )}
      <Flex vertical gap={8} style={{ marginTop: 12 }}>
        <Typography.Text data-testid="checklist-rollup">{t('checklist.rollup', { total: rollup.total, ok: rollup.ok, finding: rollup.finding, notChecked: rollup.notChecked })}</Typography.Text>
        {rollup.findingItemsWithoutRecord.length ? <Alert type="error" showIcon title={t('checklist.unrecorded', { items: rollup.findingItemsWithoutRecord.map(codes.checklistItem).join('; ') })} /> : null}
        <Problem text={send.problem} />
        {editable ? (
          <Flex gap={8} align="center" wrap>
            <Button type="primary" icon={<SaveOutlined aria-hidden />} disabled={!changed.length} loading={send.pending && changed.length > 0} onClick={() => void save()}>{t('act.set_verdicts')}</Button>
            {changed.length ? <Muted>{t('checklist.unsaved', { n: changed.length })}</Muted> : null}
          </Flex>
        ) : null}
      </Flex>
    </Card>
  );
}
