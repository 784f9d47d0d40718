import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileAddOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../../shared/auth';
import { formatDate } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type CaseKind, type CaseStatus, type CaseSummary, KINDS, STATUSES, useCases } from '../api-cases';
import { useCasesT, useInspectionT } from '../i18n';
import { InspectionNav } from '../InspectionNav';
import { COMPLAINT_HANDLE_ROLES, RECEIVE_PATH, casePath } from '../paths';
import { Muted } from '../ui';
import { CaseClockTag, CaseKindTag, CaseStatusTag, useClockLabel } from './CaseTags';
import '../inspection.css';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined => (allowed as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

/**
 * `/can-bo/thanh-tra/don`: the cases of the units the caller follows, newest first, filtered by status
 * and kind (kept in the address), each with the clock that matters next. Lists never carry a petitioner.
 */
export default function CasesPage() {
  const t = useCasesT();
  const ti = useInspectionT();
  const locale = useLocale();
  const { user } = useAuth();
  const clockLabel = useClockLabel();
  const [params, setParams] = useSearchParams();
  const status = pick<CaseStatus>(params.get('status'), STATUSES);
  const kind = pick<CaseKind>(params.get('kind'), KINDS);
  const cases = useCases({ status, kind });
  const rows = cases.data?.pages.flatMap((p) => p.cases) ?? [];
  const update = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<CaseSummary> = [
    { title: t('col.no'), key: 'id', width: 110, render: (_, c) => <Link to={casePath(c.id)} style={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{t('case.title', { id: c.id })}</Link> },
    { title: t('col.kind'), key: 'kind', width: 150, render: (_, c) => <CaseKindTag kind={c.kind} /> },
    {
      title: t('col.subject'), key: 'subject', width: 260,
      render: (_, c) => (
        <div>
          <div>{c.subjectUnitName}</div>
          {c.subjectStaff ? <Typography.Text strong>{c.subjectStaff.fullName}</Typography.Text> : null}
          <div className="mc-insp-summary"><Muted>{c.summary}</Muted></div>
        </div>
      ),
    },
    { title: t('col.received'), key: 'received', width: 110, render: (_, c) => formatDate(c.receivedOn) },
    { title: t('col.status'), key: 'status', width: 140, render: (_, c) => <CaseStatusTag status={c.status} /> },
    {
      title: t('col.clock'), key: 'clock', width: 240,
      render: (_, c) => (c.nextClock ? (
        <div>
          <div><Muted>{clockLabel(c.nextClock, locale)}</Muted></div>
          <CaseClockTag clock={c.nextClock} label={clockLabel(c.nextClock, locale)} />
        </div>
      ) : <Muted>{ti('clock.none')}</Muted>),
    },
    { title: t('col.handling'), key: 'handling', width: 200, render: (_, c) => c.handlingUnitName },
  ];

  return (
    <>
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')}
        extra={hasAnyRole(user, COMPLAINT_HANDLE_ROLES) ? <Link to={RECEIVE_PATH}><Button type="primary" icon={<FileAddOutlined aria-hidden />}>{t('list.receive')}</Button></Link> : null} />
      <InspectionNav />
      <Card size="small">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Select aria-label={t('filter.status')} value={status ?? ''} style={{ flex: '1 1 200px', maxWidth: 280 }} onChange={(v: string) => update('status', v || undefined)}
            options={[{ value: '', label: t('filter.allStatuses') }, ...STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
          <Select aria-label={t('filter.kind')} value={kind ?? ''} style={{ flex: '1 1 200px', maxWidth: 280 }} onChange={(v: string) => update('kind', v || undefined)}
            options={[{ value: '', label: t('filter.allKinds') }, ...KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]} />
        </Flex>
        {cases.isError ? <ErrorResult variant="inline" error={cases.error} onRetry={() => void cases.refetch()} /> : (
          <>
            <Table<CaseSummary> aria-label={t('list.table')} rowKey="id" size="middle" columns={columns} dataSource={rows} pagination={false}
              loading={cases.isFetching && !cases.isFetchingNextPage} scroll={{ x: 1180 }}
              locale={{ emptyText: status || kind ? t('list.emptyFiltered') : t('list.empty') }} />
            <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
              <Muted>{rows.length ? t('list.count', { n: rows.length }) : null}</Muted>
              {cases.hasNextPage ? <Button onClick={() => void cases.fetchNextPage()} loading={cases.isFetchingNextPage}>{ti('loadMore')}</Button> : null}
            </Flex>
          </>
        )}
      </Card>
    </>
  );
}
