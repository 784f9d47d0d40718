import { Button, Card, Flex, Table } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { formatDate, formatDateTime } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { type KeptReport, keptReportUrl, useKeptReports } from './api';
import { useReportsT } from './messages';

/** The reports drawn when their period ended and kept as they stood (the daily job), with their files. */
export function KeptReportsCard() {
  const t = useReportsT();
  const kept = useKeptReports();
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('kept.title')} data-testid="kept-reports">
      {kept.isError ? <ErrorResult error={kept.error} /> : (
        <Table<KeptReport> rowKey="id" size="small" loading={kept.isLoading} dataSource={kept.data?.items ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('kept.empty') }}
          columns={[
            { title: t('kept.form'), dataIndex: 'form' },
            { title: t('kept.period'), key: 'period', render: (_: unknown, r) => `${r.period.label.vi} (${formatDate(r.period.from)} – ${formatDate(r.period.to)})` },
            { title: t('kept.unit'), key: 'unit', render: (_: unknown, r) => r.unit.name },
            { title: t('kept.generatedAt'), dataIndex: 'generatedAt', render: (v: string) => formatDateTime(v) },
            {
              title: t('kept.files'), key: 'files', render: (_: unknown, r) => (
                <Flex gap={8}>
                  <Button size="small" icon={<DownloadOutlined aria-hidden />} href={keptReportUrl(r.id, 'xlsx')} download aria-label={t('kept.xlsx', { period: r.period.label.vi })}>XLSX</Button>
                  <Button size="small" icon={<DownloadOutlined aria-hidden />} href={keptReportUrl(r.id, 'pdf')} target="_blank" aria-label={t('kept.pdf', { period: r.period.label.vi })}>PDF</Button>
                </Flex>
              ),
            },
          ]} />
      )}
    </Card>
  );
}
