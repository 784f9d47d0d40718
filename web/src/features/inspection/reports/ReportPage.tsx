import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Flex, Grid, Skeleton, Statistic, Typography } from 'antd';
import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { Chart } from '../../../shared/ui/Chart';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { idParam, todayInVietnam } from '../paths';
import { type InspectionReport, type ReportQuery, reportFileUrl, useInspectionReport } from './api';
import { FigureTableView } from './FigureTableView';
import { useInspectionReportT } from './i18n';
import { ISO_DAY, periodLabel, periodOfCode, quarterOf, statutoryPeriod } from './period';
import { ReportFilters, type ReportChoice } from './ReportFilters';
import { reportSections } from './report-tables';
import './reports.css';

/** The choice in the address (?period=2026-Q1 or ?period=custom&from=&to=, &unit=), so a report can be linked and reloaded. */
function choiceOf(search: URLSearchParams, today: string): ReportChoice {
  const unitId = idParam(search.get('unit'));
  if (search.get('period') === 'custom') {
    const day = (k: string) => (ISO_DAY.test(search.get(k) ?? '') ? search.get(k) : null);
    return { mode: 'custom', from: day('from'), to: day('to'), unitId };
  }
  const coded = periodOfCode(search.get('period'));
  return { mode: 'statutory', ...(coded ? { year: coded.year, part: coded.part } : quarterOf(today)), unitId };
}

function searchOf(c: ReportChoice): URLSearchParams {
  const out = new URLSearchParams();
  if (c.mode === 'statutory') out.set('period', `${c.year}-${c.part}`);
  else {
    out.set('period', 'custom');
    if (c.from) out.set('from', c.from);
    if (c.to) out.set('to', c.to);
  }
  if (c.unitId !== null) out.set('unit', String(c.unitId));
  return out;
}

function queryOf(c: ReportChoice): ReportQuery | null {
  const unit = c.unitId === null ? {} : { unitId: c.unitId };
  if (c.mode === 'statutory') {
    const p = statutoryPeriod(c.year, c.part);
    return { from: p.from, to: p.to, ...unit };
  }
  return c.from && c.to ? { from: c.from, to: c.to, ...unit } : null;
}

/**
 * Staff (report.read): `/can-bo/thanh-tra/bao-cao` — the inspection, complaint, denunciation and discipline
 * figures of a period over a unit's subtree, as the tables of the report file (Biểu 01–07), with a chart of
 * petitions by kind and the same query as a workbook or a PDF.
 */
export default function InspectionReportPage() {
  const t = useInspectionReportT();
  const today = todayInVietnam();
  const [search, setSearch] = useSearchParams();
  const choice = choiceOf(search, today);
  const q = queryOf(choice);
  const report = useInspectionReport(q);
  const r = report.data;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <ReportFilters choice={choice} today={today} onChange={(next) => setSearch(searchOf(next), { replace: true })} />
      {!q ? <Alert type="info" showIcon message={t('period.pickRange')} /> : report.isError ? (
        <ErrorResult error={report.error} onRetry={() => void report.refetch()} />
      ) : !r ? <Skeleton active /> : (
        <div className={report.isFetching && report.isPlaceholderData ? 'mc-insp-rep-body mc-insp-rep-stale' : 'mc-insp-rep-body'} aria-busy={report.isFetching}>
          <ReportBody r={r} q={q} />
        </div>
      )}
    </>
  );
}

function ReportBody({ r, q }: { r: InspectionReport; q: ReportQuery }) {
  const t = useInspectionReportT();
  const locale = useLocale();
  const sections = useMemo(() => reportSections(r, t, locale), [r, t, locale]);
  const unit = r.scope.province ? `${r.scope.unitName} (${t('scope.province')})` : `${r.scope.unitName} ${t('scope.subtree')}`;
  const c = r.cases.total;
  const d = r.discipline;
  return (
    <>
      <Typography.Paragraph className="mc-insp-rep-scope" data-testid="insp-rep-scope">
        {/* A custom range's name is its two days already. */}
        <strong>{t(r.period.kind === 'custom' ? 'scope.custom' : 'scope', { period: periodLabel(r.period.from, r.period.to, locale), from: formatDate(r.period.from), to: formatDate(r.period.to), unit })}</strong>
        <br />
        <Typography.Text type="secondary">
          {r.period.asOf < r.period.to ? `${t('asOf', { asOf: formatDate(r.period.asOf) })} ` : ''}{t('generatedAt', { at: formatDateTime(r.generatedAt) })}
        </Typography.Text>
      </Typography.Paragraph>
      <Flex gap={8} wrap className="mc-insp-rep-files">
        <Button icon={<DownloadOutlined aria-hidden />} href={reportFileUrl(q, 'xlsx')} download>{t('export.xlsx')}</Button>
        <Button icon={<FilePdfOutlined aria-hidden />} href={reportFileUrl(q, 'pdf')} download>{t('export.pdf')}</Button>
      </Flex>
      <div className="mc-insp-rep-figures">
        <Figure title={t('fig.received')} value={c.received} note={t('fig.carriedOver', { n: c.carriedOver })} />
        <Figure title={t('fig.resolved')} value={c.resolved} note={t('fig.resolvedSplit', { onTime: c.resolution.onTime, late: c.resolution.late })} />
        <Figure title={t('fig.open')} value={c.open.total} note={t('fig.openOverdue', { n: c.open.overdue })} warn={c.open.overdue > 0} />
        <Figure title={t('fig.discipline')} value={d.decided} note={t('fig.disciplineOpen', { n: d.open.total })} />
        <Figure title={t('fig.inspections')} value={r.inspections.done.planned + r.inspections.done.surprise} note={t('fig.inspectionsPlanned', { n: r.inspections.planned })} />
      </div>
      <KindChart r={r} />
      {sections.map((s) => (
        <section key={s.id} className="mc-insp-rep-section" aria-labelledby={`insp-rep-s-${s.id}`}>
          <Typography.Title level={2} id={`insp-rep-s-${s.id}`} className="mc-insp-rep-h2">{s.heading}</Typography.Title>
          {s.tables.map((table) => <FigureTableView key={table.id} table={table} />)}
        </section>
      ))}
    </>
  );
}

function Figure({ title, value, note, warn }: { title: string; value: number; note: string; warn?: boolean }) {
  return (
    <Card size="small">
      <Statistic title={title} value={value} groupSeparator="." />
      <Typography.Text type={warn ? 'danger' : 'secondary'}>{note}</Typography.Text>
    </Card>
  );
}

/** Petitions by kind: received, resolved in time and late, still open. The table Biểu 01 holds the same figures. */
function KindChart({ r }: { r: InspectionReport }) {
  const t = useInspectionReportT();
  const kinds = r.cases.byKind;
  const labelWidth = Grid.useBreakpoint().sm === false ? 110 : 180;
  const option = useMemo(() => {
    // ECharts draws categories from the bottom up: reversed, the table's first kind is on top.
    const rows = [...kinds].reverse();
    const series = (name: string, pick: (k: (typeof kinds)[number]) => number) => ({ name, type: 'bar', barMaxWidth: 14, data: rows.map(pick) });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: rows.map((k) => t(`kind.${k.kind}`)), axisLabel: { width: labelWidth, overflow: 'truncate' } },
      series: [
        series(t('chart.received'), (k) => k.received),
        series(t('chart.onTime'), (k) => k.resolution.onTime),
        series(t('chart.late'), (k) => k.resolution.late),
        series(t('chart.open'), (k) => k.open.total),
      ],
    };
  }, [kinds, t, labelWidth]);
  if (!kinds.some((k) => k.received + k.resolved + k.open.total > 0)) return null;
  return (
    <Card size="small" title={t('chart.title')} className="mc-insp-rep-chart">
      <Chart option={option} label={t('chart.label')} height={260} />
    </Card>
  );
}
