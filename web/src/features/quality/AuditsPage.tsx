import { useState } from 'react';
import { Button, Flex, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useSystem } from './api';
import { useAudits } from './api-audits';
import { AuditPlanDialog } from './AuditPlanDialog';
import { AuditStatusTag, NotFound, thisYear, yearChoices } from './audit-ui';
import { useQualityT } from './i18n';
import { QualityNav } from './QualityNav';
import { QUALITY_PATH, auditPath, idParam } from './paths';
import { EmptyText, Section } from './qms-ui';
import type { AuditSummary } from './types-audit';

/** `/can-bo/chat-luong/:qmsId/danh-gia-noi-bo`: a year's internal audits (the year kept in the address). */
export default function AuditsPage() {
  const t = useQualityT();
  const qmsId = idParam(useParams().qmsId);
  return qmsId === null ? <NotFound title={t('a.noSystem')} back={QUALITY_PATH} backLabel={t('a.back')} /> : <AuditsView qmsId={qmsId} />;
}

function AuditsView({ qmsId }: { qmsId: number }) {
  const t = useQualityT();
  const [params, setParams] = useSearchParams();
  const year = idParam(params.get('year')) ?? thisYear();
  const system = useSystem(qmsId);
  const audits = useAudits(qmsId, year);
  const [creating, setCreating] = useState(false);
  const setYear = (y: number) => {
    const next = new URLSearchParams(params);
    next.set('year', String(y));
    setParams(next, { replace: true });
  };

  const columns: ColumnsType<AuditSummary> = [
    { title: t('audits.col.title'), key: 'title', width: 320, render: (_, a) => <Link to={auditPath(a.id)} style={{ fontWeight: 600 }}>{a.title}</Link> },
    { title: t('audits.col.dates'), key: 'dates', width: 200, render: (_, a) => t('a.period', { from: formatDate(a.plannedFrom), to: formatDate(a.plannedTo) }) },
    { title: t('audits.col.lead'), dataIndex: 'leadName', width: 200 },
    { title: t('audits.col.status'), key: 'status', width: 150, render: (_, a) => <AuditStatusTag status={a.status} /> },
    { title: t('audits.col.findings'), key: 'findings', width: 200, render: (_, a) => t('audits.findings', { nc: a.findings.nonconformity, obs: a.findings.observation }) },
  ];

  return (
    <>
      <PageHeader title={t('audits.title')} subtitle={t('audits.subtitle')}
        extra={system.data?.may.manage ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>{t('audits.create')}</Button> : null} />
      <QualityNav qmsId={qmsId} active="audits" />
      <Section title={t('audits.table')}>
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Select aria-label={t('audits.year')} value={year} onChange={setYear} style={{ width: 140 }}
            options={yearChoices().map((y) => ({ value: y, label: String(y) }))} />
        </Flex>
        {audits.isError ? <ErrorResult variant="inline" error={audits.error} onRetry={() => void audits.refetch()} /> : (
          <Table<AuditSummary> aria-label={t('audits.table')} rowKey="id" size="middle" columns={columns} dataSource={audits.data ?? []} pagination={false} loading={audits.isFetching}
            scroll={{ x: 1000 }} data-testid="audits-table" locale={{ emptyText: <EmptyText>{t('audits.empty', { year })}</EmptyText> }} />
        )}
      </Section>
      {creating ? <AuditPlanDialog qmsId={qmsId} year={year} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
