import { Link, useSearchParams } from 'react-router-dom';
import { Button, Card, Col, Flex, InputNumber, Row, Select, Skeleton } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { hasAnyRole, useAuth } from '../../shared/auth';
import { formatDate } from '../../shared/format';
import { usePageTitle } from '../../shared/pageTitle';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { DossierQueueSummary } from '../dossiers/workspace/QueueSummary';
import { usePeriods } from './api';
import { statutoryYear, useDashboard } from './dashboard.api';
import { useDashboardT } from './dashboard.messages';
import { DashboardView } from './DashboardView';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Staff: `/can-bo/bao-cao/bang-dieu-hanh?from=&to=&unit=` — the leaders' dashboard for a statutory
 * period (the current statutory year by default) and a unit subtree (the top of the caller's reach by
 * default). A unit head also sees the unit's work queues. Every count opens the dossiers behind it.
 */
export default function DashboardPage() {
  const t = useDashboardT();
  usePageTitle(t('title'));
  const { user } = useAuth();
  const [search, setSearch] = useSearchParams();
  const from = ISO.test(search.get('from') ?? '') ? search.get('from')! : null;
  const to = ISO.test(search.get('to') ?? '') ? search.get('to')! : null;
  const unit = search.get('unit') ?? undefined;
  const year = Number(search.get('nam')) || (to ? statutoryYear(new Date(`${to}T12:00:00+07:00`)) : statutoryYear(new Date()));
  const periods = usePeriods(year);
  const list = periods.data?.periods ?? [];
  const chosen = from && to ? list.find((p) => p.from === from && p.to === to) ?? null : list[0] ?? null;
  const q = from && to ? { from, to, ...(unit ? { unit } : {}) } : chosen ? { from: chosen.from, to: chosen.to, ...(unit ? { unit } : {}) } : null;
  const dash = useDashboard(q);

  const set = (next: Record<string, string | undefined>) => setSearch((cur) => {
    const out = new URLSearchParams(cur);
    for (const [k, v] of Object.entries(next)) if (v === undefined) out.delete(k); else out.set(k, v);
    return out;
  });
  const head = !!user && hasAnyRole(user, ['unit_head']);
  const figure = (row: string | null, column: string) => `/can-bo/bao-cao/ho-so?${new URLSearchParams({
    from: q!.from, to: q!.to, groupBy: 'unit', column, ...(dash.data?.unit.code ? { unit: dash.data.unit.code } : {}), ...(row ? { key: row } : {}),
  }).toString()}`;
  const reportLink = q ? `/can-bo/bao-cao?${new URLSearchParams({ from: q.from, to: q.to, groupBy: 'unit', ...(dash.data?.unit.code ? { unit: dash.data.unit.code } : {}) }).toString()}` : null;

  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')}
        extra={reportLink ? <Link to={reportLink}><Button icon={<FileExcelOutlined aria-hidden />}>{t('report.link')}</Button></Link> : undefined} />
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <InputNumber aria-label={t('filter.year')} min={2000} max={2100} value={year} onChange={(v) => v && set({ nam: String(v), from: undefined, to: undefined })} />
        <Select aria-label={t('filter.period')} style={{ minWidth: 300 }} loading={periods.isLoading} value={chosen?.code ?? (from && to ? 'custom' : null)}
          onChange={(code: string) => { const p = list.find((x) => x.code === code); if (p) set({ from: p.from, to: p.to }); }}
          options={[
            ...list.map((p) => ({ value: p.code, label: `${p.label.vi} (${formatDate(p.from)} – ${formatDate(p.to)})` })),
            ...(from && to && !chosen ? [{ value: 'custom', label: `${formatDate(from)} – ${formatDate(to)}` }] : []),
          ]} />
      </Flex>
      <Row gutter={[16, 16]}>
        {head ? (
          <Col xs={24} xl={6}>
            <Card size="small" title={t('queues.title')} data-testid="dashboard-queues"><DossierQueueSummary /></Card>
          </Col>
        ) : null}
        <Col xs={24} xl={head ? 18 : 24}>
          {dash.isError ? <ErrorResult error={dash.error} onRetry={() => void dash.refetch()} /> : !dash.data ? <Skeleton active /> : (
            <DashboardView data={dash.data} links={{
              figure,
              unit: (code) => `/can-bo/bao-cao/bang-dieu-hanh?${new URLSearchParams({ ...(q ? { from: q.from, to: q.to } : {}), unit: code }).toString()}`,
            }} />
          )}
        </Col>
      </Row>
    </>
  );
}
