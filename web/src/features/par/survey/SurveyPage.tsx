import { useState } from 'react';
import { Alert, Button, Card, Flex, Table, Tabs, Tooltip, Typography } from 'antd';
import { EditOutlined, FileTextOutlined, PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { BLOCK_LABELS, type Block } from '../../../../../src/modules/par/labels';
import { formatNumber } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type FormsView, type ResultsView, type SurveyForm, type UnitAnswers, useSurveyForms, useSurveyResults } from './api';
import { FormEditor } from './FormEditor';
import { InviteDialog } from './InviteDialog';
import { useSurveyT } from './messages';
import { PaperDialog } from './PaperDialog';

const percent = (p: number | null) => (p === null ? null : `${p.toLocaleString('vi-VN', { maximumFractionDigits: 2 })}%`);
type Dialog = { kind: 'edit'; form: SurveyForm | null } | { kind: 'invite'; form: SurveyForm } | { kind: 'paper'; form: SurveyForm } | null;

/** "Điều tra xã hội học" of a PAR round (/can-bo/cchc/dot/:roundId/khao-sat): the organiser's forms, invitations, paper slips and results. */
export default function SurveyPage() {
  const t = useSurveyT();
  const raw = useParams().roundId;
  const roundId = raw && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
  const forms = useSurveyForms(roundId ?? 0);
  const [tab, setTab] = useState('forms');
  const results = useSurveyResults(roundId ?? 0, roundId !== null && tab === 'results');
  const [dialog, setDialog] = useState<Dialog>(null);

  if (roundId === null) return <Alert type="error" showIcon message={t('page.badRound')} />;
  if (forms.isError) return <ErrorResult error={forms.error} onRetry={() => void forms.refetch()} />;
  const view = forms.data;
  return (
    <>
      <PageHeader
        title={t('page.title')}
        subtitle={view ? t('page.subtitle', { round: view.round.name }) : undefined}
        extra={view?.round.open ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'edit', form: null })}>{t('forms.add')}</Button> : null}
      />
      {view && !view.round.open ? <Alert type="info" showIcon message={t('page.closed')} style={{ marginBottom: 16 }} /> : null}
      {view && !view.round.surveyHeld ? <Alert type="warning" showIcon message={t('page.notHeld')} style={{ marginBottom: 16 }} /> : null}
      <Card>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'forms', label: t('tab.forms'), children: <FormsTable view={view} loading={forms.isLoading} onOpen={setDialog} /> },
            { key: 'results', label: t('tab.results'), children: results.isError ? <ErrorResult error={results.error} variant="inline" onRetry={() => void results.refetch()} /> : <ResultsTable data={results.data} loading={results.isLoading} /> },
          ]}
        />
      </Card>
      {view && dialog?.kind === 'edit' ? <FormEditor view={view} form={dialog.form} open onClose={() => setDialog(null)} /> : null}
      {view && dialog?.kind === 'invite' ? <InviteDialog view={view} form={dialog.form} onClose={() => setDialog(null)} /> : null}
      {view && dialog?.kind === 'paper' ? <PaperDialog view={view} form={dialog.form} onClose={() => setDialog(null)} /> : null}
    </>
  );
}

function FormsTable({ view, loading, onOpen }: { view: FormsView | undefined; loading: boolean; onOpen: (d: Dialog) => void }) {
  const t = useSurveyT();
  const locale = useLocale();
  const open = view?.round.open ?? false;
  const blockName = (b: string) => BLOCK_LABELS[b as Block]?.[locale] ?? b;
  return (
    <Table<SurveyForm>
      rowKey="id"
      loading={loading}
      dataSource={view?.forms ?? []}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('forms.empty') }}
      expandable={{ expandedRowRender: (f) => <PerUnit rows={f.perUnit} /> }}
      columns={[
        { key: 'code', title: t('col.code'), dataIndex: 'code', width: 90 },
        { key: 'name', title: t('col.name'), dataIndex: 'name' },
        { key: 'group', title: t('col.group'), dataIndex: 'respondentGroup' },
        { key: 'blocks', title: t('col.blocks'), render: (f: SurveyForm) => f.blocks.map(blockName).join(', ') },
        { key: 'questions', title: t('col.questions'), align: 'right', render: (f: SurveyForm) => formatNumber(f.questions.length) },
        { key: 'answers', title: t('col.answers'), align: 'right', render: (f: SurveyForm) => formatNumber(f.answers) },
        {
          key: 'actions', title: t('col.actions'), render: (f: SurveyForm) => (
            <Flex gap={4} wrap>
              <Tooltip title={f.answers > 0 ? t('action.lockedHint') : undefined}>
                <Button size="small" icon={<EditOutlined />} disabled={!open || f.answers > 0} onClick={() => onOpen({ kind: 'edit', form: f })}>{t('action.edit')}</Button>
              </Tooltip>
              <Button size="small" icon={<QrcodeOutlined />} disabled={!open} onClick={() => onOpen({ kind: 'invite', form: f })}>{t('action.invite')}</Button>
              <Button size="small" icon={<FileTextOutlined />} disabled={!open} onClick={() => onOpen({ kind: 'paper', form: f })}>{t('action.paper')}</Button>
            </Flex>
          ),
        },
      ]}
    />
  );
}

function PerUnit({ rows }: { rows: UnitAnswers[] }) {
  const t = useSurveyT();
  return (
    <Table<UnitAnswers>
      size="small"
      rowKey="unitId"
      dataSource={rows}
      pagination={false}
      locale={{ emptyText: t('perUnit.empty') }}
      columns={[
        { key: 'unit', title: t('perUnit.unit'), dataIndex: 'unitName' },
        { key: 'paper', title: t('perUnit.paper'), align: 'right', render: (r: UnitAnswers) => formatNumber(r.paper) },
        { key: 'online', title: t('perUnit.online'), align: 'right', render: (r: UnitAnswers) => formatNumber(r.online) },
        { key: 'invited', title: t('perUnit.invited'), align: 'right', render: (r: UnitAnswers) => formatNumber(r.invited) },
        { key: 'used', title: t('perUnit.used'), align: 'right', render: (r: UnitAnswers) => formatNumber(r.used) },
      ]}
    />
  );
}

type UnitResult = ResultsView['units'][number];
type CriterionResult = UnitResult['criteria'][number];

function ResultsTable({ data, loading }: { data: ResultsView | undefined; loading: boolean }) {
  const t = useSurveyT();
  const locale = useLocale();
  const none = <Typography.Text type="secondary">{t('none')}</Typography.Text>;
  return (
    <>
      <Typography.Paragraph type="secondary">{t('results.hint')}</Typography.Paragraph>
      <Table<UnitResult>
        rowKey="unitId"
        loading={loading}
        dataSource={data?.units ?? []}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: t('results.empty') }}
        expandable={{
          expandedRowRender: (u) => (u.criteria.length === 0 ? t('results.noCriteria') : (
            <Table<CriterionResult['questions'][number] & { criterion: string }>
              size="small"
              rowKey={(q) => `${q.criterion}:${q.formId}:${q.questionId}`}
              pagination={false}
              dataSource={u.criteria.flatMap((c) => c.questions.map((q) => ({ ...q, criterion: c.code })))}
              columns={[
                { key: 'criterion', title: t('results.criterion'), dataIndex: 'criterion', width: 90 },
                { key: 'form', title: t('results.form'), dataIndex: 'formCode', width: 80 },
                { key: 'question', title: t('results.question'), render: (q) => `${q.questionId}. ${q.text}` },
                { key: 'counted', title: t('results.counted'), align: 'right', render: (q) => formatNumber(q.counted) },
                { key: 'skipped', title: t('results.skipped'), align: 'right', render: (q) => formatNumber(q.skipped) },
                { key: 'percent', title: t('results.percent'), align: 'right', render: (q) => percent(q.percent) ?? none },
              ]}
            />
          )),
        }}
        columns={[
          { key: 'unit', title: t('results.unit'), dataIndex: 'unitName' },
          { key: 'block', title: t('results.block'), render: (u: UnitResult) => BLOCK_LABELS[u.block as Block]?.[locale] ?? u.block },
          { key: 'slips', title: t('results.slips'), render: (u: UnitResult) => t('results.slipsValue', { total: formatNumber(u.slips.total), paper: formatNumber(u.slips.paper), online: formatNumber(u.slips.online) }) },
          {
            key: 'criteria', title: t('results.percent'), render: (u: UnitResult) => (
              <Flex vertical gap={2}>
                {u.criteria.map((c) => (
                  <span key={c.code}>
                    <Tooltip title={c.text}><Typography.Text strong>{c.code}</Typography.Text></Tooltip>{': '}{percent(c.percent) ?? none}
                  </span>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </>
  );
}
