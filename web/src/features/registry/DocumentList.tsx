import { useEffect, useState } from 'react';
import { Button, Flex, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { useDocuments } from './api';
import { useRegistryT } from './i18n';
import { documentPath } from './paths';
import { DueDate, EmptyText, StatusTag, UrgencyTag, symbolOf } from './tags';
import type { DocStatus, DocumentItem, ListFilter } from './types';

export type ListKind = 'out' | 'in' | 'mine';

/** The filters a list keeps in its address (status, year, words), so a link or a reload keeps them. */
export function useListParams() {
  const [params, setParams] = useSearchParams();
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    setParams(next, { replace: true });
  };
  const year = Number(params.get('year'));
  return { status: params.get('status') ?? '', year: year >= 2000 && year <= 2100 ? year : undefined, q: params.get('q') ?? '', update };
}

/** The search box ("tìm không dấu": the server folds diacritics) and the year, shared by every list. */
export function SearchAndYear({ q, year, update }: Pick<ReturnType<typeof useListParams>, 'q' | 'year' | 'update'>) {
  const t = useRegistryT();
  const [typed, setTyped] = useState(q);
  const { pathname } = useLocation();
  // Search once the user pauses, so each key press is not a request — unless the user has meanwhile
  // opened another page (a lazily loaded page keeps this one mounted while it loads).
  useEffect(() => {
    const timer = setTimeout(() => { if (typed.trim() !== q && window.location.pathname === pathname) update({ q: typed.trim() || undefined }); }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);
  const now = new Date().getFullYear();
  return (
    <>
      <Input.Search aria-label={t('list.search')} placeholder={t('list.searchPlaceholder')} allowClear value={typed}
        onChange={(e) => setTyped(e.target.value)} onSearch={(v) => update({ q: v.trim() || undefined })} style={{ flex: '1 1 280px', maxWidth: 440 }} />
      <Select aria-label={t('list.year')} value={year ?? 0} style={{ width: 140 }} onChange={(v: number) => update({ year: v ? String(v) : undefined })}
        options={[{ value: 0, label: t('list.allYears') }, ...[0, 1, 2, 3, 4].map((d) => ({ value: now - d, label: t('list.yearN', { year: now - d }) }))]} />
    </>
  );
}

function useColumns(kind: ListKind): ColumnsType<DocumentItem> {
  const t = useRegistryT();
  const subject: ColumnsType<DocumentItem>[number] = {
    title: t('col.subject'), key: 'subject',
    render: (_, d) => (
      <div>
        <Link to={documentPath(d.id)} className="mc-reg-subject" style={{ fontWeight: 600 }}>{d.subject}</Link>
        <div><Typography.Text type="secondary">{d.docTypeName}</Typography.Text> <UrgencyTag urgency={d.urgency} /></div>
      </div>
    ),
  };
  const status: ColumnsType<DocumentItem>[number] = { title: t('col.status'), key: 'status', width: 170, render: (_, d) => <StatusTag status={d.status} /> };
  const symbol: ColumnsType<DocumentItem>[number] = { title: t('col.symbol'), key: 'symbol', width: 150, render: (_, d) => symbolOf(d) };
  if (kind === 'out') {
    return [
      status, symbol,
      { title: t('col.date'), key: 'date', width: 110, render: (_, d) => formatDate(d.issuedOn ?? d.createdAt) },
      subject,
      { title: t('col.drafter'), key: 'drafter', width: 200, render: (_, d) => <>{d.draftedBy?.fullName ?? '—'}<div><Typography.Text type="secondary">{d.draftingUnitName}</Typography.Text></div></> },
    ];
  }
  if (kind === 'in') {
    return [
      { title: t('col.arrivalNumber'), dataIndex: 'arrivalNumber', width: 90, align: 'right', render: (n: number | null) => n ?? '—' },
      { title: t('col.arrivalOn'), dataIndex: 'arrivalOn', width: 110, render: (v: string | null) => (v ? formatDate(v) : '—') },
      { title: t('col.issuer'), key: 'issuer', width: 190, render: (_, d) => d.issuerName ?? d.senderUnitName ?? '—' },
      symbol, subject,
      { title: t('col.due'), key: 'due', width: 150, render: (_, d) => <DueDate dueOn={d.dueOn} overdue={d.overdue} /> },
      status,
    ];
  }
  return [
    { title: t('col.direction'), key: 'direction', width: 110, render: (_, d) => t(`direction.${d.direction}`) },
    symbol, subject,
    { title: t('col.due'), key: 'due', width: 150, render: (_, d) => <DueDate dueOn={d.dueOn} overdue={d.overdue} /> },
    status,
  ];
}

/** A page of documents, newest first, with "more" for the next page (keyset on the id). */
export function DocumentList({ kind, filter, emptyText, label }: { kind: ListKind; filter: ListFilter; emptyText: string; label: string }) {
  const t = useRegistryT();
  const list = useDocuments(filter);
  const columns = useColumns(kind);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  if (list.isError) return <ErrorResult variant="inline" error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Table<DocumentItem> aria-label={label} data-testid={`registry-list-${kind}`} rowKey="id" size="middle" columns={columns} dataSource={items}
        loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)} pagination={false} scroll={{ x: 960 }}
        rowClassName={(d) => (d.overdue ? 'mc-reg-overdue' : '')}
        locale={{ emptyText: <EmptyText>{emptyText}</EmptyText> }} />
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" aria-live="polite">{items.length ? t('list.shown', { n: items.length }) : null}</Typography.Text>
        {list.hasNextPage ? <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>{t('list.more')}</Button> : null}
      </Flex>
    </>
  );
}

export const isStatus = (v: string, allowed: readonly string[]): v is DocStatus => allowed.includes(v);
