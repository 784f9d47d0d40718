import { useMemo, useState } from 'react';
import { Empty, Input, Segmented, Skeleton, Typography } from 'antd';
import { normalizeForSearch } from '../../../../../src/modules/catalog/rules/search';
import { usePageTitle } from '../../../shared/pageTitle';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { type OnlineMode, type ProcedureListItem, useProcedureList } from '../api';
import { useCatalogT } from '../i18n';
import { useCatalogLabels } from '../labels';
import '../catalog.css';
import { ProcedureCard } from './ProcedureSearchPage';

/**
 * /dich-vu-truc-tuyen — the procedures offered online (Decree 42/2022), full and partial, grouped
 * by field. The catalogue of one province is small enough to load each mode in a few pages.
 */
function useAllOnline(online: OnlineMode) {
  const first = useProcedureList({ online, pageSize: 100, page: 1 });
  const second = useProcedureList({ online, pageSize: 100, page: 2 });
  const items = [...(first.data?.items ?? []), ...((first.data?.total ?? 0) > 100 ? second.data?.items ?? [] : [])];
  return { items, isPending: first.isPending, error: first.error, refetch: first.refetch };
}

export default function OnlineServicesPage() {
  const t = useCatalogT();
  const l = useCatalogLabels();
  const [mode, setMode] = useState<OnlineMode>('full');
  const [filter, setFilter] = useState('');
  const list = useAllOnline(mode);

  usePageTitle(t('online.title'));

  const groups = useMemo(() => {
    const wanted = normalizeForSearch(filter);
    const byField = new Map<string, ProcedureListItem[]>();
    for (const item of list.items) {
      if (wanted && !normalizeForSearch(`${item.name} ${item.code}`).includes(wanted)) continue;
      byField.set(item.field.name, [...(byField.get(item.field.name) ?? []), item]);
    }
    return [...byField.entries()].sort(([a], [b]) => a.localeCompare(b, 'vi'));
  }, [list.items, filter]);

  return (
    <div className="mc-container mc-cat-page">
      <Typography.Title level={1} className="mc-cat-h1">{t('online.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('online.subtitle')}</Typography.Paragraph>
      <div className="mc-cat-online-bar">
        <Segmented<OnlineMode> className="mc-cat-online-modes" aria-label={t('online.title')} value={mode} onChange={setMode} options={(['full', 'partial'] as const).map((m) => ({ value: m, label: l.online(m) }))} />
        <Input.Search allowClear placeholder={t('online.filter')} aria-label={t('online.filter')} onChange={(e) => setFilter(e.target.value)} className="mc-cat-online-filter" />
      </div>
      {list.error ? <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.isPending ? <Skeleton active /> : groups.length === 0 ? <Empty description={t('search.none')} /> : null}
      {groups.map(([field, items]) => (
        <section key={field} className="mc-cat-online-group">
          <Typography.Title level={2} className="mc-cat-section-title">{field} <Typography.Text type="secondary">({items.length})</Typography.Text></Typography.Title>
          <div className="mc-cat-results">{items.map((item) => <ProcedureCard key={item.code} item={item} />)}</div>
        </section>
      ))}
    </div>
  );
}
