import { Button, Card, Flex, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../../shared/auth';
import { formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type Scheme, useSchemes } from '../api-schemes';
import { usePersonnelT } from '../i18n';
import { HR_ROLES, NEW_SCHEME_PATH, idParam, schemePath } from '../paths';
import { PersonnelNav } from '../PersonnelNav';
import { UnitSelect } from '../ui';
import { GapTable } from './GapTable';
import { SchemeStatusTag } from './SchemeTags';
import '../personnel.css';

/**
 * `/can-bo/nhan-su/de-an`: the job-position schemes in reach, newest version first for each unit; with a
 * unit chosen, the positions in force there against the people placed in them.
 */
export default function SchemesPage() {
  const t = usePersonnelT();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const unitId = idParam(params.get('unitId') ?? undefined);
  const schemes = useSchemes(unitId);
  const setUnit = (id: number | null) => setParams(id ? { unitId: String(id) } : {}, { replace: true });

  const columns: ColumnsType<Scheme> = [
    { title: t('col.unit'), key: 'unit', render: (_, s) => <Link to={schemePath(s.id)}>{s.unitName}</Link> },
    { title: t('col.versionNo'), dataIndex: 'versionNo', width: 70, align: 'right' },
    { title: t('col.effectiveFrom'), key: 'from', width: 120, render: (_, s) => formatDate(s.effectiveFrom) },
    { title: t('col.status'), key: 'status', width: 160, render: (_, s) => <SchemeStatusTag status={s.status} /> },
    { title: t('col.positions'), key: 'positions', width: 100, align: 'right', render: (_, s) => s.positions.length },
    { title: t('col.quota'), key: 'quota', width: 130, align: 'right', render: (_, s) => s.positions.reduce((a, p) => a + p.quota, 0) },
    {
      title: t('col.decision'), key: 'decision', width: 240,
      render: (_, s) => (s.decisionNo ? t('decision.short', { number: s.decisionNo, date: formatDate(s.decisionDate) }) : <Typography.Text type="secondary">{t('none')}</Typography.Text>),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('schemes.title')}
        subtitle={t('schemes.subtitle')}
        extra={hasAnyRole(user, HR_ROLES) ? (
          <Link to={unitId ? `${NEW_SCHEME_PATH}?unitId=${unitId}` : NEW_SCHEME_PATH}>
            <Button type="primary" icon={<PlusOutlined aria-hidden />}>{t('schemes.create')}</Button>
          </Link>
        ) : null}
      />
      <PersonnelNav />
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex gap={12} align="center" wrap style={{ marginBottom: 12 }}>
            <label htmlFor="hr-scheme-unit">{t('field.unit')}</label>
            <UnitSelect id="hr-scheme-unit" value={unitId} onChange={setUnit} allLabel={t('allUnits')} style={{ maxWidth: 420 }} />
          </Flex>
          {schemes.isError ? <ErrorResult variant="inline" error={schemes.error} onRetry={() => void schemes.refetch()} /> : (
            <Table<Scheme> aria-label={t('schemes.table')} rowKey="id" size="middle" columns={columns} dataSource={schemes.data ?? []}
              loading={schemes.isLoading} pagination={{ pageSize: 20, hideOnSinglePage: true }} scroll={{ x: 900 }}
              locale={{ emptyText: t('schemes.empty') }} />
          )}
        </Card>
        {unitId ? <GapTable unitId={unitId} /> : <Typography.Text type="secondary">{t('gap.pick')}</Typography.Text>}
      </Flex>
    </>
  );
}
