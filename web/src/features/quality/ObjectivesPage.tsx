import { useState } from 'react';
import { Button, Card, Flex, Result, Select, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useParams, useSearchParams } from 'react-router-dom';
import { formatDate, formatNumber } from '../../shared/format';
import { ErrorResult } from '../../shared/ui/ErrorResult';
import { PageHeader } from '../../shared/ui/PageHeader';
import { useObjectives, useSystem } from './api';
import { useQualityT } from './i18n';
import { ObjectiveDialog, nextCode } from './ObjectiveDialog';
import { idParam, todayInVietnam } from './paths';
import { QualityNav } from './QualityNav';
import { EmptyText, periodText } from './qms-ui';
import type { Objective, Reading } from './types';

/**
 * The objectives' year running today: the report year ends on 14/12 (Decree 09/2019 art. 12), so from
 * 15/12 it is the next one, as the server counts the home page's figures.
 */
function currentYear(): number {
  const today = todayInVietnam();
  const year = Number(today.slice(0, 4));
  return today > `${today.slice(0, 4)}-12-14` ? year + 1 : year;
}

/** The year in the address (`?nam=2026`), else the year running today. */
function useYear(): [number, (y: number) => void] {
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('nam'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : currentYear();
  return [year, (y) => {
    const next = new URLSearchParams(params);
    next.set('nam', String(y));
    setParams(next, { replace: true });
  }];
}

/**
 * `/can-bo/chat-luong/:qmsId/muc-tieu`: a year's quality objectives with the value each measures from
 * the system's own data now (ISO 9001 §6.2, §9.1.3); no data is "Chưa có dữ liệu", never 0 %.
 */
export default function ObjectivesPage() {
  const t = useQualityT();
  const qmsId = idParam(useParams().qmsId);
  const [year, setYear] = useYear();
  const system = useSystem(qmsId ?? 0);
  const objectives = useObjectives(qmsId ?? 0, year);
  const [editing, setEditing] = useState<Objective | 'new' | null>(null);
  if (qmsId === null) return <Result status="404" title={t('system.notFound')} />;
  const data = objectives.data?.year === year ? objectives.data : undefined;
  const items = data?.items ?? [];
  const mayManage = system.data?.may.manage ?? false;
  const thisYear = currentYear();
  const years = [...new Set([thisYear + 1, thisYear, thisYear - 1, thisYear - 2, thisYear - 3, year])].sort((a, b) => b - a);
  const columns: ColumnsType<Objective> = [
    { title: t('objectives.col.code'), dataIndex: 'code', width: 90, render: (c: string) => <Typography.Text strong>{c}</Typography.Text> },
    {
      title: t('objectives.col.text'), key: 'text',
      render: (_, o) => (
        <div>
          <div className="mc-qms-text">{o.text}</div>
          {!o.active ? <Tag className="mc-qms-tag" data-inactive="true">{t('objectives.inactive')}</Tag> : null}
        </div>
      ),
    },
    { title: t('objectives.col.measure'), key: 'measure', width: 200, render: (_, o) => o.measureLabel || t(`measure.${o.measure}`) },
    { title: t('objectives.col.target'), dataIndex: 'target', width: 100, render: (v: string) => <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>{v}</Typography.Text> },
    { title: t('objectives.col.value'), key: 'value', width: 250, render: (_, o) => <ReadingCell reading={o.reading} /> },
    ...(mayManage ? [{
      title: t('objectives.col.actions'), key: 'actions', width: 90,
      render: (_: unknown, o: Objective) => (
        <Button size="small" icon={<EditOutlined aria-hidden />} aria-label={t('objectives.editAria', { code: o.code })} onClick={() => setEditing(o)}>{t('objectives.edit')}</Button>
      ),
    }] : []),
  ];
  const subtitle = data ? t('objectives.subtitle', { period: periodText(data.period), asOf: formatDate(data.asOf) }) : undefined;
  return (
    <>
      <QualityNav qmsId={qmsId} active="objectives" />
      <PageHeader title={t('objectives.title', { year })} subtitle={subtitle}
        extra={mayManage ? <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing('new')}>{t('objectives.add')}</Button> : null} />
      <Card size="small">
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <label htmlFor="qms-objectives-year">{t('objectives.year')}</label>
          <Select id="qms-objectives-year" aria-label={t('objectives.year')} value={year} style={{ width: 110 }} onChange={setYear}
            options={years.map((y) => ({ value: y, label: String(y) }))} />
          {data && items.some((o) => o.active) ? <Typography.Text type="secondary">{t('objectives.summary', { met: items.filter((o) => o.active && o.reading.met === true).length, total: items.filter((o) => o.active).length })}</Typography.Text> : null}
        </Flex>
        {objectives.isError ? <ErrorResult variant="inline" error={objectives.error} onRetry={() => void objectives.refetch()} /> : (
          <Table<Objective> aria-label={t('objectives.table')} data-testid="qms-objectives" rowKey="id" size="middle" columns={columns} dataSource={items}
            loading={objectives.isFetching} pagination={false} scroll={{ x: 900 }} rowClassName={(o) => (o.active ? '' : 'mc-qms-inactive')}
            onRow={(o) => ({ 'data-code': o.code } as React.HTMLAttributes<HTMLElement>)}
            locale={{ emptyText: <EmptyText>{t('objectives.empty', { year })}</EmptyText> }} />
        )}
      </Card>
      {editing ? (
        <ObjectiveDialog qmsId={qmsId} year={year} objective={editing === 'new' ? undefined : editing} suggestedCode={nextCode(items)}
          reload={() => objectives.refetch()} onClose={() => setEditing(null)} />
      ) : null}
    </>
  );
}

/** The measured value, met or not, the counts behind it and the days it was measured over. */
function ReadingCell({ reading }: { reading: Reading }) {
  const t = useQualityT();
  const noData = reading.value === null;
  const tag = noData ? <Tag className="mc-qms-tag" data-met="none">{reading.status === 'not_started' && reading.statusLabel ? reading.statusLabel : t('reading.noData')}</Tag>
    : reading.met ? <Tag color="green" className="mc-qms-tag" data-met="true">{t('reading.met')}</Tag>
    : <Tag color="red" className="mc-qms-tag" data-met="false">{t('reading.notMet')}</Tag>;
  return (
    <div className="mc-qms-reading" data-testid="qms-reading">
      <Flex gap={8} align="center" wrap>
        {noData ? null : <Typography.Text strong style={{ fontSize: 16 }} data-value>{reading.display}</Typography.Text>}
        {tag}
      </Flex>
      {!noData && reading.numerator !== null && reading.denominator !== null ? (
        <Typography.Text type="secondary">{t('reading.counts', { n: formatNumber(reading.numerator), d: formatNumber(reading.denominator) })}</Typography.Text>
      ) : null}
      <Typography.Text type="secondary">
        {t(reading.partial ? 'reading.periodPartial' : 'reading.period', { period: periodText(reading.period) })}
      </Typography.Text>
    </div>
  );
}
