import { useSearchParams } from 'react-router-dom';
import { Card, Col, Flex, List, Row, Select, Skeleton, Statistic, Table, Tag, Typography } from 'antd';
import { FORM_ORDER, OUTCOME_ORDER, type PublishedResult } from '../../../../../../src/modules/inspection/reports-labels';
import { yearPeriod } from '../../../../../../src/modules/reports/rules/periods';
import { formatDate, formatNumber } from '../../../../shared/format';
import { useLocale } from '../../../../shared/i18n';
import { usePageTitle } from '../../../../shared/pageTitle';
import { ErrorResult } from '../../../../shared/ui/ErrorResult';
import { type PublicInspectionSummary, usePublicInspectionSummary } from '../api';
import { useInspectionSummaryT } from '../i18n';
import '../reports.css';

/**
 * Public: `/ket-qua-khieu-nai-to-cao?nam=` — the province's complaints, denunciations, discipline and
 * inspections of a statutory year (15/12 to 14/12), totals only, and the results made public in it. The
 * server removes the people's names, addresses and numbers from the published texts; no sign-in.
 */
export default function PublicSummaryPage() {
  const t = useInspectionSummaryT();
  usePageTitle(t('title'));
  const locale = useLocale();
  const [search, setSearch] = useSearchParams();
  const asked = Number(search.get('nam'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : undefined;
  const summary = usePublicInspectionSummary(year);
  const s = summary.data;
  const choose = (y: number) => setSearch((cur) => { const out = new URLSearchParams(cur); out.set('nam', String(y)); return out; }, { replace: true });
  return (
    <div className="mc-container">
      <Typography.Title level={1}>{t('title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('subtitle')}</Typography.Paragraph>
      {summary.isError ? <ErrorResult error={summary.error} onRetry={() => void summary.refetch()} /> : !s ? <Skeleton active /> : (
        <div className={summary.isFetching && summary.isPlaceholderData ? 'mc-insp-rep-stale' : undefined} aria-busy={summary.isFetching}>
          <Flex gap={12} align="center" wrap>
            <label htmlFor="insp-pub-year">{t('year')}</label>
            <Select id="insp-pub-year" style={{ width: 120 }} value={s.year} onChange={choose}
              options={[...new Set([...s.years, s.year])].sort((a, b) => b - a).map((y) => ({ value: y, label: String(y) }))} />
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }} data-testid="insp-pub-period">
            {t('period', { period: yearPeriod(s.year).label[locale], from: formatDate(s.period.from), to: formatDate(s.period.to) })}
            {s.period.asOf < s.period.to ? t('period.asOf', { asOf: formatDate(s.period.asOf) }) : ''}
          </Typography.Paragraph>
          <Counts s={s} />
          <Breakdowns s={s} />
          <Typography.Title level={2} className="mc-insp-pub-h2">{t('published')}</Typography.Title>
          <List<PublishedResult> aria-label={t('published.list', { year: s.year })} dataSource={s.published} locale={{ emptyText: t('published.none') }}
            pagination={s.published.length > 10 ? { pageSize: 10, size: 'small' } : false}
            renderItem={(p) => <PublishedItem p={p} />} />
        </div>
      )}
    </div>
  );
}

function Count({ title, value, note, testId }: { title: string; value: number; note?: string; testId: string }) {
  return (
    <Card size="small" data-testid={testId}>
      <Statistic title={title} value={value} groupSeparator="." />
      {note ? <Typography.Text type="secondary">{note}</Typography.Text> : null}
    </Card>
  );
}

function Counts({ s }: { s: PublicInspectionSummary }) {
  const t = useInspectionSummaryT();
  const c = s.cases;
  return (
    <div className="mc-insp-pub-counts">
      <Count testId="insp-pub-received" title={t('count.received')} value={c.received} />
      <Count testId="insp-pub-resolved" title={t('count.resolved')} value={c.resolved} note={t('count.resolvedSplit', { onTime: c.resolvedOnTime, late: c.resolvedLate })} />
      <Count testId="insp-pub-open" title={t('count.open')} value={c.open} note={t('count.openOverdue', { n: c.openOverdue })} />
      <Count testId="insp-pub-discipline" title={t('count.discipline')} value={s.discipline.decided} note={t('count.disciplineClosed', { n: s.discipline.closedWithoutDiscipline })} />
      <Count testId="insp-pub-inspections" title={t('count.inspections')} value={s.inspections.done} note={t('count.inspectionsPlanned', { n: s.inspections.planned })} />
    </div>
  );
}

type Line = { key: string; label: string; a: number; b?: number };

function Breakdowns({ s }: { s: PublicInspectionSummary }) {
  const t = useInspectionSummaryT();
  const small = (title: string, head: [string, string, string?], rows: Line[]) => (
    <Card size="small" title={<Typography.Title level={2} className="mc-insp-pub-h2" style={{ margin: 0, fontSize: 16 }}>{title}</Typography.Title>}>
      <Table<Line> aria-label={title} rowKey="key" size="small" pagination={false} dataSource={rows}
        columns={[
          { title: head[0], dataIndex: 'label' },
          { title: head[1], dataIndex: 'a', align: 'right', width: 100, render: (v: number) => formatNumber(v) },
          ...(head[2] ? [{ title: head[2], dataIndex: 'b', align: 'right' as const, width: 110, render: (v: number) => formatNumber(v) }] : []),
        ]} />
    </Card>
  );
  const r = s.inspections.recommendations;
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          {small(t('byKind'), [t('col.kind'), t('col.received'), t('col.resolved')], s.cases.byKind.map((k) => ({ key: k.kind, label: t(`kind.${k.kind}`), a: k.received, b: k.resolved })))}
        </Col>
        <Col xs={24} md={12} lg={7}>
          {small(t('outcomes'), [t('col.outcome'), t('col.count')], OUTCOME_ORDER.map((o) => ({ key: o, label: t(`outcome.${o}`), a: s.cases.outcomes[o] })))}
        </Col>
        <Col xs={24} md={12} lg={7}>
          {small(t('forms'), [t('col.form'), t('col.decided')], FORM_ORDER.map((f) => ({ key: f, label: t(`form.${f}`), a: s.discipline.byForm[f] })))}
        </Col>
      </Row>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <strong>{t('recs')}: </strong>
        {r.total ? t('recs.line', { total: r.total, onTime: r.closedOnTime, late: r.closedLate, overdue: r.overdue }) : t('recs.none')}
      </Typography.Paragraph>
    </>
  );
}

function PublishedItem({ p }: { p: PublishedResult }) {
  const t = useInspectionSummaryT();
  return (
    <List.Item className="mc-insp-pub-item" data-testid="insp-pub-result">
      <Card size="small" style={{ width: '100%' }}
        title={<Flex gap={8} wrap align="center"><Tag color={p.kind === 'denunciation' ? 'volcano' : 'blue'}>{t(`kind.${p.kind}`)}</Tag>
          <span style={{ whiteSpace: 'normal' }}>{p.decisionNo ? t('published.decision', { no: p.decisionNo, date: formatDate(p.decisionDate) }) : t('published.noDecision')}</span></Flex>}>
        <Flex gap={16} wrap>
          <Typography.Text>{t('published.unit', { unit: p.handlingUnitName })}</Typography.Text>
          {p.outcome ? <Typography.Text strong>{t('published.outcome', { outcome: t(`outcome.${p.outcome}`) })}</Typography.Text> : null}
          <Typography.Text type="secondary">{t('published.on', { date: formatDate(p.publishedOn) })}</Typography.Text>
        </Flex>
        {p.conclusion ? <Typography.Paragraph className="mc-insp-pub-text">{p.conclusion}</Typography.Paragraph> : null}
      </Card>
    </List.Item>
  );
}
