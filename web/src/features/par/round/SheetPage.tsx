import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Flex, Popconfirm, Skeleton, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import {
  AuditOutlined, BarChartOutlined, DeleteOutlined, EditOutlined, FileTextOutlined, HistoryOutlined, LinkOutlined, MessageOutlined, PaperClipOutlined, QuestionCircleOutlined, SendOutlined,
} from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { isStaleVersion, useStaleVersionNotice } from '../../../shared/ui/staleVersion';
import { type EvidenceView, LAYERS, type Sheet, type SheetNode, evidenceFileUrl, useSheet, useSheetActions } from '../api-rounds';
import { useParRoundT } from '../i18n-rounds';
import { idParam } from '../sets/paths';
import { fmtPoints } from './dialog';
import { HistoryDrawer } from './HistoryDrawer';
import { type LeafDialog, LeafDialogs } from './LeafDialogs';
import { boardPath, resultsPath } from './paths';
import { LateTag, SheetStatusTag, StageTag } from './StageTag';
import './round.css';

/** `/can-bo/cchc/dot/:roundId/don-vi/:unitId`: a unit's scoring sheet — the tree with every score layer, evidence, explanations and live totals. */
export default function SheetPage() {
  const t = useParRoundT();
  const params = useParams();
  const roundId = idParam(params.roundId);
  const unitId = idParam(params.unitId);
  const sheet = useSheet(roundId ?? 0, unitId ?? 0);
  const [dialog, setDialog] = useState<LeafDialog | null>(null);
  const [history, setHistory] = useState<string | null>(null);
  if (roundId === null || unitId === null) return <Alert type="error" showIcon title={t('badRoute')} />;
  if (sheet.isError) return <ErrorResult error={sheet.error} onRetry={() => void sheet.refetch()} />;
  const data = sheet.data;
  if (!data) return <Card size="small"><Skeleton active /></Card>;
  const reload = () => sheet.refetch();
  return (
    <>
      <Link to={boardPath(roundId)}>{t('sheet.back')}</Link>
      <PageHeader
        title={t('sheet.title', { unit: data.unit.name })}
        subtitle={data.round.name}
        extra={<SheetActions sheet={data} reload={reload} />}
      />
      <Flex vertical gap={16}>
        {data.partial ? <Alert type="info" showIcon title={t('sheet.partial')} /> : null}
        {data.missingFacts.length ? <Alert type="warning" showIcon title={t('sheet.missingFacts', { facts: data.missingFacts.join(', ') })} /> : null}
        <SheetHeader sheet={data} />
        <Card size="small" title={<Typography.Title level={2} className="mc-par-h2">{t('sheet.table')}</Typography.Title>}>
          <SheetTable sheet={data} onAction={setDialog} onHistory={setHistory} />
        </Card>
      </Flex>
      {dialog ? <LeafDialogs sheet={data} dialog={dialog} onClose={() => setDialog(null)} reload={reload} /> : null}
      <HistoryDrawer roundId={roundId} unitId={unitId} code={history} onClose={() => setHistory(null)} />
    </>
  );
}

/** "Phê duyệt và gửi" and "Gửi giải trình", each confirmed; a refusal (SHEET_INCOMPLETE…) is shown as the server words it. */
function SheetActions({ sheet, reload }: { sheet: Sheet; reload: () => unknown }) {
  const t = useParRoundT();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const stale = useStaleVersionNotice();
  const actions = useSheetActions(sheet.round.id, sheet.unit.id);
  const fail = (error: unknown) => {
    if (isStaleVersion(error)) stale(reload);
    else modal.error({ title: errorMessage(error, locale) });
  };
  return (
    <>
      <Link to={resultsPath(sheet.round.id)}><Button icon={<BarChartOutlined aria-hidden />}>{t('sheet.results')}</Button></Link>
      {sheet.can.submit ? (
        <Popconfirm title={t('sheet.submitConfirm', { unit: sheet.unit.name })} okText={t('sheet.submit')} cancelText={t('cancel')}
          onConfirm={() => actions.submit.mutateAsync(sheet.version).then(() => void message.success(t('sheet.submitted')), fail)}>
          <Button type="primary" icon={<SendOutlined aria-hidden />} loading={actions.submit.isPending}>{t('sheet.submit')}</Button>
        </Popconfirm>
      ) : null}
      {sheet.can.submitExplanation ? (
        <Popconfirm title={t('sheet.submitExplanationConfirm')} okText={t('sheet.submitExplanation')} cancelText={t('cancel')}
          onConfirm={() => actions.submitExplanation.mutateAsync(sheet.version).then(() => void message.success(t('sheet.explanationSent')), fail)}>
          <Button type="primary" icon={<SendOutlined aria-hidden />} loading={actions.submitExplanation.isPending}>{t('sheet.submitExplanation')}</Button>
        </Popconfirm>
      ) : null}
    </>
  );
}

function SheetHeader({ sheet }: { sheet: Sheet }) {
  const t = useParRoundT();
  const { totals } = sheet;
  return (
    <Card size="small">
      <Descriptions size="small" column={{ xs: 1, lg: 2 }} items={[
        { key: 'set', label: t('sheet.set'), children: <Flex gap={6} wrap>{sheet.setName}{sheet.illustrative ? <Tag color="orange">{t('sheet.illustrative')}</Tag> : null}</Flex> },
        { key: 'stage', label: t('sheet.stage'), children: <StageTag stage={sheet.round.stage} /> },
        {
          key: 'deadline', label: t('sheet.deadline'),
          children: <Flex gap={6} wrap><span className="mc-par-layer">{formatDate(sheet.round.selfDeadline)}</span>{sheet.status === 'draft' && sheet.deadlinePassed ? <Tag color="red">{t('sheet.deadlinePassed')}</Tag> : null}</Flex>,
        },
        ...(sheet.round.explanationDeadline ? [{ key: 'expl', label: t('sheet.explanationDeadline'), children: formatDate(sheet.round.explanationDeadline) }] : []),
        {
          key: 'status', label: t('sheet.status'),
          children: (
            <Flex gap={6} wrap align="center">
              <SheetStatusTag status={sheet.status} />
              {sheet.submittedLate ? <LateTag /> : null}
              {sheet.submittedAt ? <Typography.Text type="secondary">{t('sheet.submittedAt', { at: formatDateTime(sheet.submittedAt) })}</Typography.Text> : null}
              {sheet.explanationSubmittedAt ? <Typography.Text type="secondary">{t('sheet.explanationSubmitted', { at: formatDateTime(sheet.explanationSubmittedAt) })}</Typography.Text> : null}
            </Flex>
          ),
        },
      ]} />
      <Flex gap={32} wrap style={{ marginTop: 12 }} role="group" aria-label={t('sheet.totals')}>
        <Statistic title={t('sheet.points')} value={`${fmtPoints(totals.points)} / ${fmtPoints(totals.applicableMax)}`} />
        <Tooltip title={t('sheet.awarded', { awarded: fmtPoints(totals.bonus.awarded), counted: fmtPoints(totals.bonus.counted) })}>
          <Statistic title={t('sheet.bonus')} value={`+${fmtPoints(totals.bonus.counted)}`} />
        </Tooltip>
        <Tooltip title={t('sheet.awarded', { awarded: fmtPoints(totals.penalty.awarded), counted: fmtPoints(totals.penalty.counted) })}>
          <Statistic title={t('sheet.penalty')} value={`−${fmtPoints(totals.penalty.counted)}`} />
        </Tooltip>
        <Statistic title={t('sheet.total')} value={fmtPoints(totals.total)} />
        <Statistic title={t('sheet.index')} value={totals.index === null ? t('none') : t('percent', { n: fmtPoints(totals.index) })} valueStyle={{ fontWeight: 700 }} />
        <Statistic title={t('sheet.band')} value={totals.band ?? t('none')} />
        <Tooltip title={totals.unscored.join(', ') || undefined}>
          <Statistic title={t('sheet.unscored')} value={totals.unscored.length} valueStyle={totals.unscored.length ? { color: '#d46b08' } : undefined} />
        </Tooltip>
      </Flex>
    </Card>
  );
}

function SheetTable({ sheet, onAction, onHistory }: { sheet: Sheet; onAction: (d: LeafDialog) => void; onHistory: (code: string) => void }) {
  const t = useParRoundT();
  const layerColumns: ColumnsType<SheetNode> = LAYERS.map((layer) => ({
    title: t(`layer.${layer}`), key: layer, width: 100, align: 'right' as const,
    render: (_: unknown, n: SheetNode) => {
      const l = n.layers?.[layer];
      if (!l || l.points === null && !l.reason) return null;
      const counts = n.counts?.layer === layer;
      const tip = [l.reason, l.author ? t('leaf.by', { author: l.author, at: formatDateTime(l.at) }) : null].filter(Boolean).join('\n');
      const shown = <span className={counts ? 'mc-par-counts mc-par-layer' : 'mc-par-layer'} data-counts={counts || undefined}>{fmtPoints(l.points)}</span>;
      return tip ? <Tooltip title={<span className="mc-par-text">{tip}</span>}><span tabIndex={0}>{shown}</span></Tooltip> : shown;
    },
  }));
  const columns: ColumnsType<SheetNode> = [
    { title: t('col.code'), key: 'code', width: 90, fixed: 'left', render: (_, n) => <span style={{ paddingInlineStart: n.depth * 14 }}>{n.code}</span> },
    { title: t('col.text'), key: 'text', render: (_, n) => <NodeText node={n} sheet={sheet} /> },
    { title: t('col.max'), key: 'max', width: 70, align: 'right', render: (_, n) => fmtPoints(n.maxPoints) },
    ...layerColumns,
    {
      title: t('col.points'), key: 'points', width: 90, align: 'right',
      render: (_, n) => (!n.applicable ? t('none') : n.leaf ? <strong>{fmtPoints(n.counts?.points ?? null)}</strong> : n.extra ? null : `${fmtPoints(n.points)}/${fmtPoints(n.applicableMax)}`),
    },
    { title: t('col.actions'), key: 'actions', width: 170, fixed: 'right', render: (_, n) => (n.leaf ? <LeafButtons node={n} onAction={onAction} onHistory={onHistory} /> : null) },
  ];
  return (
    <Table<SheetNode>
      aria-label={t('sheet.table')}
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={sheet.nodes}
      pagination={false}
      scroll={{ x: 1330 }}
      rowClassName={(n) => (!n.applicable ? 'mc-par-row-excluded' : n.depth === 0 ? 'mc-par-row-area' : '')}
    />
  );
}

function NodeText({ node: n, sheet }: { node: SheetNode; sheet: Sheet }) {
  const t = useParRoundT();
  return (
    <div>
      <span className="mc-par-text">{n.text}</span>
      {n.leaf && n.scoring ? <Tag style={{ marginInlineStart: 6 }}>{t(`leaf.kind.${n.scoring.kind}`)}</Tag> : null}
      {!n.applicable && n.excludedReason ? <Typography.Text type="secondary" className="mc-par-note">{t('leaf.excluded', { reason: n.excludedReason })}</Typography.Text> : null}
      {n.leaf && n.applicable ? (
        <>
          {n.evidenceRequired ? <Typography.Text type="secondary" className="mc-par-note">{t('leaf.evidenceRequired', { text: n.evidenceRequired })}</Typography.Text> : null}
          {n.appraisingUnitName ? <Typography.Text type="secondary" className="mc-par-note">{t('leaf.appraiser', { unit: n.appraisingUnitName })}</Typography.Text> : null}
          {n.derivedExplanation ? <Typography.Text className="mc-par-note"><Tag color="geekblue">{t('leaf.derived')}</Tag>{n.derivedExplanation}</Typography.Text> : null}
          {n.explanation ? (
            <div style={{ marginTop: 4 }}>
              <Typography.Text type="warning" className="mc-par-note">{t('leaf.request', { text: n.explanation.request })}</Typography.Text>
              <Typography.Text className="mc-par-note">{n.explanation.answer ? t('leaf.answer', { text: n.explanation.answer }) : t('leaf.noAnswer')}</Typography.Text>
            </div>
          ) : null}
          {n.evidence?.length ? <EvidenceList node={n} sheet={sheet} /> : null}
        </>
      ) : null}
    </div>
  );
}

function EvidenceList({ node, sheet }: { node: SheetNode; sheet: Sheet }) {
  const t = useParRoundT();
  const locale = useLocale();
  const { message } = App.useApp();
  const actions = useSheetActions(sheet.round.id, sheet.unit.id);
  const removable = !!node.can?.evidence && sheet.round.stage === 'self_assessment';
  const where = (e: EvidenceView) => (e.section && e.page ? t('evidence.page', { section: e.section, page: e.page }) : e.section ? t('evidence.section', { section: e.section }) : e.page ? t('evidence.pageOnly', { page: e.page }) : null);
  return (
    <ul className="mc-par-evidence">
      {node.evidence!.map((e) => {
        const place = where(e);
        return (
          <li key={e.id}>
            {e.kind === 'file' ? (
              <a href={evidenceFileUrl(sheet.round.id, sheet.unit.id, e.id)} download={e.fileName ?? undefined}><PaperClipOutlined aria-hidden /> {e.title}</a>
            ) : e.kind === 'link' ? (
              <a href={e.url ?? undefined} target="_blank" rel="noreferrer noopener"><LinkOutlined aria-hidden /> {e.title}</a>
            ) : e.recordKind === 'registry_document' ? (
              <Link to={`/can-bo/van-thu/van-ban/${e.recordRef}`}><FileTextOutlined aria-hidden /> {e.title}</Link>
            ) : (
              <span><FileTextOutlined aria-hidden /> {e.title} ({t(`evidence.record.${e.recordKind as 'report'}`)}: {e.recordRef})</span>
            )}
            {e.kind === 'file' && e.fileName ? <Typography.Text type="secondary">{` — ${e.fileName}`}</Typography.Text> : null}
            {place ? <Typography.Text type="secondary">{` (${place})`}</Typography.Text> : null}
            {removable ? (
              <Popconfirm title={t('evidence.removeConfirm', { title: e.title })} okText={t('save')} cancelText={t('cancel')}
                onConfirm={() => actions.removeEvidence.mutateAsync(e.id).catch((err: unknown) => void message.error(errorMessage(err, locale)))}>
                <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('evidence.remove', { title: e.title })} />
              </Popconfirm>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function LeafButtons({ node: n, onAction, onHistory }: { node: SheetNode; onAction: (d: LeafDialog) => void; onHistory: (code: string) => void }) {
  const t = useParRoundT();
  const can = n.can;
  const btn = (key: LeafDialog['kind'], label: string, aria: string, icon: React.ReactNode, primary = false) => (
    <Button key={key} size="small" type={primary ? 'primary' : 'default'} icon={icon} aria-label={aria} onClick={() => onAction({ kind: key, code: n.code })}>{label}</Button>
  );
  return (
    <Flex gap={4} wrap>
      {can?.self ? btn('self', t('btn.self'), t('act.self', { code: n.code }), <EditOutlined aria-hidden />, true) : null}
      {can?.evidence ? btn('evidence', t('btn.evidence'), t('act.evidence', { code: n.code }), <PaperClipOutlined aria-hidden />) : null}
      {can?.appraise ? btn('appraise', t('btn.appraise'), t('act.appraise', { code: n.code }), <AuditOutlined aria-hidden />, true) : null}
      {can?.requestExplanation ? btn('request', t('btn.request'), t('act.request', { code: n.code }), <QuestionCircleOutlined aria-hidden />) : null}
      {can?.explain ? btn('explain', t('btn.explain'), t('act.explain', { code: n.code }), <MessageOutlined aria-hidden />, true) : null}
      {can?.council ? btn('council', t('btn.council'), t('act.council', { code: n.code }), <AuditOutlined aria-hidden />, true) : null}
      <Button size="small" type="text" icon={<HistoryOutlined aria-hidden />} aria-label={t('act.history', { code: n.code })} onClick={() => onHistory(n.code)} />
    </Flex>
  );
}
