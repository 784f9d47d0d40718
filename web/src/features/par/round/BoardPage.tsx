import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Statistic, Steps, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ArrowRightOutlined, AuditOutlined, BarChartOutlined, CheckCircleOutlined, EditOutlined, FormOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { BLOCKS, BLOCK_LABELS } from '../../../../../src/modules/par/labels';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type Board, type BoardParticipant, STAGES, useBoard } from '../api-rounds';
import { useParRoundT } from '../i18n-rounds';
import { RANKING_PATH, idParam } from '../sets/paths';
import { surveyPath } from '../survey';
import { AdvanceDialog, CorrectionDialog, CouncilDialog, FactsDialog, PublishDialog, VoteDialog, factLabel } from './BoardDialogs';
import { ROUNDS_PATH, resultsPath, sheetPath } from './paths';
import { LateTag, SheetStatusTag, StageTag } from './StageTag';
import './round.css';

type Dialog = 'advance' | 'council' | 'publish' | 'correct' | 'vote' | null;

/** `/can-bo/cchc/dot/:roundId`: the Department of Home Affairs' board — who has submitted, who is late, how far appraisal has got. */
export default function BoardPage() {
  const t = useParRoundT();
  const roundId = idParam(useParams().roundId);
  const board = useBoard(roundId ?? 0);
  const [dialog, setDialog] = useState<Dialog>(null);
  if (roundId === null) return <Alert type="error" showIcon title={t('badRoute')} />;
  if (board.isError) return <ErrorResult error={board.error} onRetry={() => void board.refetch()} />;
  const data = board.data;
  if (!data) return <Card size="small"><Skeleton active /></Card>;
  const { round, can } = data;
  const next = STAGES[STAGES.indexOf(round.stage) + 1];
  const close = () => setDialog(null);
  const reload = () => board.refetch();
  return (
    <>
      <Link to={ROUNDS_PATH}>{t('board.back')}</Link>
      <PageHeader
        title={<Flex gap={8} align="center" wrap>{round.name} <StageTag stage={round.stage} /></Flex>}
        documentTitle={round.name}
        subtitle={t('board.subtitle', { year: round.year, organiser: round.organiserName })}
        extra={(
          <>
            {can.results ? <Link to={resultsPath(round.id)}><Button icon={<BarChartOutlined aria-hidden />}>{t('board.results')}</Button></Link> : null}
            {can.manage ? <Link to={surveyPath(round.id)}><Button icon={<FormOutlined aria-hidden />}>{t('board.surveyPage')}</Button></Link> : null}
            {round.stage === 'published' ? <Link to={RANKING_PATH}><Button icon={<TrophyOutlined aria-hidden />}>{t('board.ranking')}</Button></Link> : null}
          </>
        )}
      />
      <Flex vertical gap={16}>
        <Card size="small" title={<Typography.Title level={2} className="mc-par-h2">{t('board.stages')}</Typography.Title>}>
          <Steps size="small" current={STAGES.indexOf(round.stage)} status={round.stage === 'published' ? 'finish' : 'process'}
            items={data.stages.map((s) => ({ title: t(`stage.${s.stage}`) }))} style={{ marginBottom: 16 }} />
          <Flex gap={24} wrap>
            <Statistic title={t('board.participants')} value={data.summary.participants} />
            <Statistic title={t('board.submitted')} value={data.summary.submitted} suffix={`/ ${data.summary.participants}`} />
            <Statistic title={t('board.lateCount')} value={data.summary.late} valueStyle={data.summary.late ? { color: '#cf1322' } : undefined} />
            <Descriptions size="small" column={1} style={{ flex: '1 1 320px' }} items={[
              { key: 'deadline', label: t('board.deadline'), children: formatDate(round.selfDeadline) },
              ...(round.explanationDeadline ? [{ key: 'expl', label: t('board.explanationDeadline'), children: formatDate(round.explanationDeadline) }] : []),
              { key: 'survey', label: t('board.survey'), children: t(round.surveyHeld ? 'board.surveyHeld' : 'board.surveyNotHeld') },
              ...(round.publication ? [{ key: 'pub', label: t('board.publication'), children: t('board.publicationText', { number: round.publication.number, date: formatDate(round.publication.date), signer: round.publication.signer ?? '' }) }] : []),
            ]} />
          </Flex>
          {can.manage ? (
            <Flex gap={8} wrap style={{ marginTop: 12 }} role="group" aria-label={t('board.actions')}>
              {can.advance && next ? <Button type="primary" icon={<ArrowRightOutlined aria-hidden />} onClick={() => setDialog('advance')}>{t('board.advance', { stage: t(`stage.${next}`) })}</Button> : null}
              {can.setCouncil ? <Button icon={<TeamOutlined aria-hidden />} onClick={() => setDialog('council')}>{t(data.council.length ? 'board.editCouncil' : 'board.setCouncil')}</Button> : null}
              {can.publish ? <Button type="primary" icon={<CheckCircleOutlined aria-hidden />} onClick={() => setDialog('publish')}>{t('board.publish')}</Button> : null}
              {can.correct ? <Button icon={<EditOutlined aria-hidden />} onClick={() => setDialog('correct')}>{t('board.correct')}</Button> : null}
            </Flex>
          ) : null}
        </Card>
        <CouncilCard data={data} onVote={() => setDialog('vote')} />
        {BLOCKS.map((b) => {
          const rows = data.participants.filter((p) => p.block === b);
          return rows.length ? <BlockCard key={b} data={data} block={b} rows={rows} reload={reload} /> : null;
        })}
      </Flex>
      {dialog === 'advance' && next ? <AdvanceDialog board={data} to={next} onClose={close} reload={reload} /> : null}
      {dialog === 'council' ? <CouncilDialog board={data} onClose={close} reload={reload} /> : null}
      {dialog === 'publish' ? <PublishDialog board={data} onClose={close} reload={reload} /> : null}
      {dialog === 'correct' ? <CorrectionDialog board={data} onClose={close} reload={reload} /> : null}
      {dialog === 'vote' ? <VoteDialog board={data} onClose={close} reload={reload} /> : null}
    </>
  );
}

function CouncilCard({ data, onVote }: { data: Board; onVote: () => void }) {
  const t = useParRoundT();
  const { council, votes, round, can } = data;
  if (!council.length && !can.manage) return null;
  return (
    <Card size="small" title={<Typography.Title level={2} className="mc-par-h2">{t('board.council')}</Typography.Title>}
      extra={can.vote ? <Button type="primary" icon={<AuditOutlined aria-hidden />} onClick={onVote}>{t('board.vote')}</Button> : null}>
      {council.length === 0 ? <Typography.Text type="secondary">{t('board.noCouncil')}</Typography.Text> : (
        <>
          <Table
            aria-label={t('board.council')}
            rowKey="staffId"
            size="small"
            pagination={false}
            dataSource={council}
            columns={[
              { key: 'name', title: t('col.member'), render: (_, m) => <>{m.name}{m.position ? <Typography.Text type="secondary">{` — ${m.position}`}</Typography.Text> : null}</> },
              { key: 'role', title: t('col.role'), width: 160, render: (_, m) => t(`role.${m.role}`) },
              {
                key: 'vote', title: t('col.vote'), width: 320,
                render: (_, m) => (m.vote ? (
                  <Flex vertical>
                    <span><Tag color={m.vote === 'approve' ? 'green' : 'red'}>{t(`vote.${m.vote}`)}</Tag>{formatDateTime(m.votedAt)}</span>
                    {m.note ? <Typography.Text type="secondary" className="mc-par-note">{m.note}</Typography.Text> : null}
                  </Flex>
                ) : <Typography.Text type="secondary">{t('vote.none')}</Typography.Text>),
              },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('board.votes', { ...votes, quorum: Math.round(round.councilQuorum * 100) })}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}

function BlockCard({ data, block, rows, reload }: { data: Board; block: (typeof BLOCKS)[number]; rows: BoardParticipant[]; reload: () => unknown }) {
  const t = useParRoundT();
  const [editing, setEditing] = useState<BoardParticipant | null>(null);
  const locale = useLocale();
  const label = BLOCK_LABELS[block][locale];
  const columns: ColumnsType<BoardParticipant> = [
    { title: t('col.unit'), key: 'unit', width: 260, render: (_, p) => <Link to={sheetPath(data.round.id, p.unitId)} aria-label={t('openSheet', { unit: p.unitName })}>{p.unitName}</Link> },
    {
      title: t('col.status'), key: 'status', width: 150,
      render: (_, p) => <Flex gap={4} wrap><SheetStatusTag status={p.status} />{p.late ? <LateTag /> : null}</Flex>,
    },
    { title: t('col.submittedAt'), key: 'at', width: 150, render: (_, p) => (p.submittedAt ? formatDateTime(p.submittedAt) : t('none')) },
    { title: t('col.selfScored'), key: 'self', width: 110, align: 'right', render: (_, p) => `${p.selfScored}/${p.leaves}` },
    { title: t('col.appraisal'), key: 'appraisal', width: 150, align: 'right', render: (_, p) => `${p.appraised1} / ${p.appraised2}` },
    {
      title: t('col.explanations'), key: 'expl', width: 170, align: 'right',
      render: (_, p) => (p.explanationRequests ? <>{`${p.explanationsAnswered}/${p.explanationRequests}`}{p.explanationSubmittedAt ? <CheckCircleOutlined style={{ color: '#389e0d', marginInlineStart: 6 }} aria-label={t('sheet.explanationSubmitted', { at: formatDateTime(p.explanationSubmittedAt) })} /> : null}</> : t('none')),
    },
    {
      // What the unit's set asks it to declare; undeclared facts keep their criteria in (shown in orange).
      title: t('col.facts'), key: 'facts', width: 220,
      render: (_, p) => (
        <Flex gap={4} wrap align="center">
          {p.factsUsed.length === 0 ? t('none') : p.factsUsed.map((f) => (
            <Tooltip key={f} title={factLabel(t, f)}><Tag color={p.facts[f] === undefined ? 'orange' : p.facts[f] === true ? 'green' : 'default'}>{f}{p.facts[f] === false ? ' ✗' : ''}</Tag></Tooltip>
          ))}
          {data.can.setFacts && p.factsUsed.length ? <Button size="small" type="link" icon={<EditOutlined aria-hidden />} aria-label={t('facts.edit', { unit: p.unitName })} onClick={() => setEditing(p)} /> : null}
        </Flex>
      ),
    },
  ];
  return (
    <Card size="small" title={<Typography.Title level={2} className="mc-par-h2">{t('board.block', { block: label, n: rows.length })}</Typography.Title>}
      extra={<Typography.Text type="secondary">{[...new Set(rows.map((r) => r.setName))].join('; ')}</Typography.Text>}>
      <Table<BoardParticipant> aria-label={t('board.table', { block: label })} rowKey="unitId" size="small" columns={columns} dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false} scroll={{ x: 1220 }}
        locale={{ emptyText: t('board.empty') }} />
      {editing ? <FactsDialog board={data} participant={editing} onClose={() => setEditing(null)} reload={reload} /> : null}
    </Card>
  );
}
