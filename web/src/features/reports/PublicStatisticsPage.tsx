import { useSearchParams } from 'react-router-dom';
import { Flex, InputNumber, Skeleton, Typography } from 'antd';
import { usePageTitle } from '../../shared/pageTitle';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { statutoryYear, usePublicStatistics } from './dashboard.api';
import { useDashboardT } from './dashboard.messages';
import { DashboardView } from './DashboardView';
import './reports.css';

/**
 * Public: `/thong-ke?nam=&unit=` — the province's and each unit's figures for a reporting year, as
 * provinces publish them on their portals (counts and rates only; no dossier is listed).
 */
export default function PublicStatisticsPage() {
  const t = useDashboardT();
  usePageTitle(t('public.title'));
  const [search, setSearch] = useSearchParams();
  const year = Number(search.get('nam')) || statutoryYear(new Date());
  const unit = search.get('unit') ?? undefined;
  const stats = usePublicStatistics({ year, ...(unit ? { unit } : {}) });
  const link = (code: string) => `/thong-ke?${new URLSearchParams({ nam: String(year), unit: code }).toString()}`;
  return (
    <div className="mc-container mc-stats-page">
      <Typography.Title level={1}>{t('public.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('public.subtitle')}</Typography.Paragraph>
      <Flex gap={12} style={{ marginBottom: 12 }}>
        <InputNumber aria-label={t('filter.year')} min={2000} max={2100} value={year}
          onChange={(v) => v && setSearch((cur) => { const out = new URLSearchParams(cur); out.set('nam', String(v)); return out; })} />
      </Flex>
      {stats.isError ? <ErrorResult error={stats.error} onRetry={() => void stats.refetch()} /> : !stats.data ? <Skeleton active /> : (
        <DashboardView data={stats.data} links={{ unit: link }} />
      )}
    </div>
  );
}
