import { Button, Card, Flex, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { formatDate } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { type Ii07bRow, ii07bFileUrl, useIi07b } from './api';
import { useReportsT } from './messages';

type Line = Omit<Ii07bRow, 'level'> & { key: string };

/** Form II.07b for the period's last day: the catalogue under local competence, one-stop handling, internal processes. */
export function Ii07bCard({ from, to }: { from: string; to: string }) {
  const t = useReportsT();
  const report = useIi07b({ from, to });
  const r = report.data;
  const rows: Line[] = r ? [...r.rows.map((x) => ({ ...x, key: x.level })), { key: '__totals', name: t('totals'), ...r.totals }] : [];
  return (
    <Card size="small" style={{ marginTop: 16 }} title={t('ii07b.title')} data-testid="ii07b"
      extra={<Flex gap={8} wrap>
        <Button size="small" icon={<DownloadOutlined aria-hidden />} href={ii07bFileUrl({ from, to }, 'xlsx')} download>{t('ii07b.xlsx')}</Button>
        <Button size="small" icon={<DownloadOutlined aria-hidden />} href={ii07bFileUrl({ from, to }, 'pdf')} target="_blank">{t('ii07b.pdf')}</Button>
      </Flex>}>
      <Typography.Paragraph type="secondary">{t('ii07b.note', { day: formatDate(to) })}</Typography.Paragraph>
      {report.isError ? <ErrorResult error={report.error} /> : (
        <Table<Line> rowKey="key" size="small" bordered pagination={false} loading={report.isLoading} dataSource={rows}
          rowClassName={(x) => (x.key === '__totals' ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('ii07b.level'), dataIndex: 'name' },
            { title: t('ii07b.total'), dataIndex: 'total', align: 'right' },
            { title: t('ii07b.oneStop'), dataIndex: 'oneStop', align: 'right' },
            { title: t('ii07b.internal'), dataIndex: 'internalProcess', align: 'right' },
          ]} />
      )}
    </Card>
  );
}
