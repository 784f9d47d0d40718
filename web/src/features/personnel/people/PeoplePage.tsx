import { useEffect, useState } from 'react';
import { Button, Card, Flex, Input, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { UserAddOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../../shared/auth';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type PersonSummary, usePeople } from '../api-people';
import { usePeopleT, usePersonnelT } from '../i18n';
import { HR_ROLES, idParam, personPath } from '../paths';
import { PersonnelNav } from '../PersonnelNav';
import { UnitSelect, useUnitLabel } from '../ui';
import { OpenRecordDialog } from './OpenRecordDialog';
import '../personnel.css';

/**
 * `/can-bo/nhan-su`: civil-servant records in reach, searched by name or number without diacritics.
 * Opening one may ask why (a reader who is neither the person nor HR), and that view is logged.
 */
export default function PeoplePage() {
  const t = usePeopleT();
  const tp = usePersonnelT();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const unitId = idParam(params.get('unitId') ?? undefined);
  const q = params.get('q') ?? '';
  const page = idParam(params.get('page') ?? undefined) ?? 1;
  const [typed, setTyped] = useState(q);
  const [opening, setOpening] = useState(false);
  const people = usePeople({ unitId, q, page });
  const unitLabel = useUnitLabel();
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    if (!('page' in patch)) next.delete('page');
    setParams(next, { replace: true });
  };
  // Search once the user pauses typing, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => { if (typed.trim() !== q) update({ q: typed.trim() || undefined }); }, 300);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [typed]);

  const columns: ColumnsType<PersonSummary> = [
    { title: t('col.fullName'), key: 'name', width: 200, render: (_, p) => <Link to={personPath(p.id)} style={{ fontWeight: 600 }}>{p.fullName}</Link> },
    { title: t('col.civilServantNo'), key: 'no', width: 130, render: (_, p) => p.civilServantNo ?? '' },
    { title: t('col.unit'), key: 'unit', width: 260, render: (_, p) => unitLabel(p.unitId, p.unitName) },
    { title: t('col.position'), key: 'position', width: 220, render: (_, p) => p.positionName ?? p.position ?? <Typography.Text type="secondary">{t('notPlaced')}</Typography.Text> },
    { title: t('col.grade'), key: 'grade', width: 170, render: (_, p) => p.gradeName ?? '' },
    { title: t('col.recruitedOn'), key: 'recruited', width: 120, render: (_, p) => formatDate(p.recruitedOn) },
    { title: t('col.status'), key: 'status', width: 120, render: (_, p) => <PersonStatusTag status={p.status} /> },
  ];

  return (
    <>
      <PageHeader title={t('people.title')} subtitle={t('people.subtitle')}
        extra={hasAnyRole(user, HR_ROLES) ? <Button type="primary" icon={<UserAddOutlined aria-hidden />} onClick={() => setOpening(true)}>{t('open.button')}</Button> : null} />
      <PersonnelNav />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Input.Search aria-label={t('people.search')} placeholder={t('people.searchPlaceholder')} allowClear value={typed}
            onChange={(e) => setTyped(e.target.value)} onSearch={(v) => update({ q: v.trim() || undefined })} style={{ flex: '1 1 280px', maxWidth: 420 }} />
          <div style={{ flex: '1 1 280px', maxWidth: 420 }}>
            <UnitSelect ariaLabel={tp('field.unit')} value={unitId} allLabel={tp('allUnits')} onChange={(id) => update({ unitId: id ? String(id) : undefined })} />
          </div>
        </Flex>
        {people.isError ? <ErrorResult variant="inline" error={people.error} onRetry={() => void people.refetch()} /> : (
          <Table<PersonSummary> aria-label={t('people.table')} rowKey="id" size="middle" columns={columns} dataSource={people.data?.items ?? []}
            loading={people.isFetching} scroll={{ x: 1250 }} locale={{ emptyText: q ? t('people.emptySearch', { q }) : t('people.empty') }}
            pagination={{ current: page, pageSize: people.data?.pageSize ?? 50, total: people.data?.total ?? 0, showSizeChanger: false, hideOnSinglePage: true,
              showTotal: (n) => t('people.total', { n }), onChange: (p) => update({ page: p > 1 ? String(p) : undefined }) }} />
        )}
      </Card>
      {opening ? <OpenRecordDialog onClose={() => setOpening(false)} /> : null}
    </>
  );
}

export function PersonStatusTag({ status }: { status: 'serving' | 'left' }) {
  const t = usePeopleT();
  return <Tag color={status === 'serving' ? 'green' : 'default'} style={{ marginInlineEnd: 0 }}>{t(`pstatus.${status}`)}</Tag>;
}
