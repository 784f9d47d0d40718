import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileSearchOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../../shared/auth';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { InspectionNav } from '../InspectionNav';
import { idParam } from '../paths';
import { Muted } from '../ui';
import { type InspectionSummary, SCOPES, type Scope, useInspections } from './api-inspections';
import { useInspectionsT, usePlansT } from './i18n';
import { INSPECTION_KINDS, INSPECTION_STATUSES, type InspectionKind, type InspectionStatus, useCodes } from './labels';
import { OPEN_INSPECTION_PATH, PLAN_MANAGE_ROLES, inspectionPath, planPath } from './paths';
import { InspectionStatusTag, KindTag } from './tags';
import '../inspection.css';
import './plans.css';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined => ((allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined);

/** Recommendations closed of all, and the overdue ones in red (in words too). */
function RecCounts({ c }: { c: InspectionSummary['recommendationCounts'] }) {
  const t = useInspectionsT();
  if (!c.total) return <Muted>{t('recs.none')}</Muted>;
  return (
    <div>
      <div>{t('recs.progress', { closed: c.closed, total: c.total })}</div>
      {c.overdue ? <div className="mc-insp-overdue" data-testid="recs-overdue">{t('recs.overdue', { n: c.overdue })}</div> : null}
    </div>
  );
}

/**
 * `/can-bo/thanh-tra/cuoc-thanh-tra`: the inspections the caller reads, newest first, filtered by status,
 * kind and scope (the team one is on, the units one inspects, the units inspected), kept in the address;
 * `?planId=` narrows to the inspections opened from one plan.
 */
export default function InspectionsPage() {
  const t = useInspectionsT();
  const tp = usePlansT();
  const codes = useCodes();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const status = pick<InspectionStatus>(params.get('status'), INSPECTION_STATUSES);
  const kind = pick<InspectionKind>(params.get('kind'), INSPECTION_KINDS);
  const scope = pick<Scope>(params.get('scope'), SCOPES);
  const planId = idParam(params.get('planId')) ?? undefined;
  const list = useInspections({ status, kind, scope, planId });
  const rows = list.data?.pages.flatMap((p) => p.inspections) ?? [];
  const update = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<InspectionSummary> = [
    { title: t('col.no'), key: 'id', width: 110, render: (_, r) => <Link to={inspectionPath(r.id)} style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{t('insp.title', { id: r.id })}</Link> },
    {
      title: t('col.target'), key: 'target', width: 260,
      render: (_, r) => <div><Typography.Text strong>{r.targetUnitName}</Typography.Text><div><Muted>{r.topics.map((c) => codes.topic(c)).join('; ')}</Muted></div></div>,
    },
    { title: t('col.kind'), key: 'kind', width: 130, render: (_, r) => <KindTag kind={r.kind} /> },
    { title: t('col.status'), key: 'status', width: 170, render: (_, r) => <InspectionStatusTag status={r.status} /> },
    { title: t('col.onSite'), key: 'onSite', width: 190, render: (_, r) => tp('period', { from: formatDate(r.onSiteFrom), to: formatDate(r.onSiteTo) }) },
    { title: t('col.recs'), key: 'recs', width: 170, render: (_, r) => <RecCounts c={r.recommendationCounts} /> },
    { title: t('col.inspecting'), key: 'inspecting', width: 180, render: (_, r) => r.inspectingUnitName },
  ];
  const filtered = !!(status || kind || scope || planId);

  return (
    <>
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')}
        extra={hasAnyRole(user, PLAN_MANAGE_ROLES) ? <Link to={OPEN_INSPECTION_PATH}><Button type="primary" icon={<FileSearchOutlined aria-hidden />}>{t('list.open')}</Button></Link> : null} />
      <InspectionNav />
      <Card size="small">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Select aria-label={t('filter.status')} value={status ?? ''} style={{ flex: '1 1 200px', maxWidth: 300 }} onChange={(v: string) => update('status', v || undefined)}
            options={[{ value: '', label: t('filter.allStatuses') }, ...INSPECTION_STATUSES.map((s) => ({ value: s, label: codes.status(s) }))]} />
          <Select aria-label={t('filter.kind')} value={kind ?? ''} style={{ flex: '1 1 180px', maxWidth: 260 }} onChange={(v: string) => update('kind', v || undefined)}
            options={[{ value: '', label: t('filter.allKinds') }, ...INSPECTION_KINDS.map((k) => ({ value: k, label: codes.kind(k) }))]} />
          <Select aria-label={t('filter.scope')} value={scope ?? ''} style={{ flex: '1 1 220px', maxWidth: 300 }} onChange={(v: string) => update('scope', v || undefined)}
            options={[{ value: '', label: t('filter.allScopes') }, ...SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))]} />
          {planId ? (
            <Flex gap={8} align="center" wrap>
              <Link to={planPath(planId)}>{t('filter.plan', { id: planId })}</Link>
              <Button size="small" onClick={() => update('planId', undefined)}>{t('filter.clearPlan')}</Button>
            </Flex>
          ) : null}
        </Flex>
        {list.isError ? <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} /> : (
          <>
            <Table<InspectionSummary> aria-label={t('list.table')} rowKey="id" size="middle" columns={columns} dataSource={rows} pagination={false}
              loading={list.isFetching && !list.isFetchingNextPage} scroll={{ x: 1210 }} locale={{ emptyText: filtered ? t('list.emptyFiltered') : t('list.empty') }} />
            <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
              <Muted>{rows.length ? t('list.count', { n: rows.length }) : null}</Muted>
              {list.hasNextPage ? <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{tp('loadMore')}</Button> : null}
            </Flex>
          </>
        )}
      </Card>
    </>
  );
}
