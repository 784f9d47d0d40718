import { Button, Card, Flex, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FileAddOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../../shared/auth';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { DISCIPLINE_STATUSES, type DisciplineStatus, type DisciplineSummary, useDisciplineCases } from '../api-discipline';
import { useDisciplineT, useInspectionT } from '../i18n';
import { InspectionNav } from '../InspectionNav';
import { DISCIPLINE_MANAGE_ROLES, OPEN_DISCIPLINE_PATH, disciplinePath } from '../paths';
import { Muted } from '../ui';
import { StageTag, Validity } from './DisciplineTags';
import '../inspection.css';

/**
 * `/can-bo/thanh-tra/ky-luat`: discipline cases of the units the caller reads (discipline.read), and the
 * caller's own case if any, newest first, filtered by status (kept in the address).
 */
export default function DisciplineListPage() {
  const t = useDisciplineT();
  const ti = useInspectionT();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const status = (DISCIPLINE_STATUSES as readonly string[]).includes(raw ?? '') ? (raw as DisciplineStatus) : undefined;
  const cases = useDisciplineCases({ status });
  const rows = cases.data?.pages.flatMap((p) => p.cases) ?? [];
  const setStatus = (v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set('status', v); else next.delete('status');
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<DisciplineSummary> = [
    { title: t('col.no'), key: 'id', width: 120, render: (_, c) => <Link to={disciplinePath(c.id)} style={{ fontWeight: 600 }}>{t('case.title', { id: c.id })}</Link> },
    {
      title: t('col.subject'), key: 'subject', width: 240,
      render: (_, c) => (
        <div>
          <Typography.Text strong>{c.subject.fullName}</Typography.Text>
          <div><Muted>{[c.subject.position, c.subject.unitName].filter(Boolean).join(' — ')}</Muted></div>
        </div>
      ),
    },
    { title: t('col.unit'), key: 'unit', width: 200, render: (_, c) => c.unitName },
    { title: t('col.offence'), key: 'offence', width: 280, render: (_, c) => <div className="mc-insp-summary">{c.offenceSummary}</div> },
    { title: t('col.discovered'), key: 'discovered', width: 110, render: (_, c) => formatDate(c.discoveredOn) },
    { title: t('col.stage'), key: 'stage', width: 170, render: (_, c) => <StageTag stage={c.stage} /> },
    {
      title: t('col.decision'), key: 'decision', width: 240,
      render: (_, c) => (c.decision ? (
        <div>
          <div><Typography.Text strong>{t(`form.${c.decision.form}`)}</Typography.Text> <Muted>{c.decision.decisionNo}</Muted></div>
          <Validity decision={c.decision} />
        </div>
      ) : <Muted>{ti('none')}</Muted>),
    },
  ];

  return (
    <>
      <PageHeader title={t('list.title')} subtitle={t('list.subtitle')}
        extra={hasAnyRole(user, DISCIPLINE_MANAGE_ROLES) ? <Link to={OPEN_DISCIPLINE_PATH}><Button type="primary" icon={<FileAddOutlined aria-hidden />}>{t('list.open')}</Button></Link> : null} />
      <InspectionNav />
      <Card size="small">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Select aria-label={t('filter.status')} value={status ?? ''} style={{ flex: '1 1 200px', maxWidth: 280 }} onChange={setStatus}
            options={[{ value: '', label: t('filter.allStatuses') }, ...DISCIPLINE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]} />
        </Flex>
        {cases.isError ? <ErrorResult variant="inline" error={cases.error} onRetry={() => void cases.refetch()} /> : (
          <>
            <Table<DisciplineSummary> aria-label={t('list.table')} rowKey="id" size="middle" columns={columns} dataSource={rows} pagination={false}
              loading={cases.isFetching && !cases.isFetchingNextPage} scroll={{ x: 1350 }} locale={{ emptyText: status ? t('list.emptyFiltered') : t('list.empty') }} />
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
