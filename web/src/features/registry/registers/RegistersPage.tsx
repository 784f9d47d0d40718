import { useState } from 'react';
import { Button, Card, DatePicker, Flex, Result, Select, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { FilePdfOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router-dom';
import { DATE_PATTERN, formatDate } from '../../../shared/format';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { type RegisterKind, type RegisterQuery, registerPdfUrl, useAgencies, useRegisterRows } from '../api';
import { useRegistryT } from '../i18n';
import { documentPath } from '../paths';
import { RegistryNav } from '../RegistryNav';
import { EmptyText } from '../tags';

const KINDS: readonly RegisterKind[] = ['incoming', 'outgoing', 'tracking'];
type Row = Record<string, unknown>;
/** Dates and numbers: one line each. */
const NARROW: Record<string, number> = { arrivalOn: 110, issuedOn: 110, sentOn: 110, handedOn: 110, dueOn: 120, arrivalNumber: 80, copies: 80 };
/** Words: room enough not to break every other word. */
const WIDE: Record<string, number> = { author: 170, recipient: 180, recipients: 200, subject: 280, typeAndSubject: 280, document: 300, progress: 200 };

/** A cell as a person reads it: calendar days dd/mm/yyyy, lists one per line, objects by their name. */
function cell(value: unknown): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) ? formatDate(value.length === 10 ? value : new Date(value)) : value;
  if (Array.isArray(value)) return value.map(cell).filter(Boolean).join('; ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return cell(o.name ?? o.fullName ?? o.label ?? JSON.stringify(value));
  }
  return String(value);
}

/**
 * `/can-bo/van-thu/so-van-ban`: an agency's registers for a period (Decree 30 Appendix IV) — incoming,
 * outgoing and the tracking book — on screen, and as PDF to print, sign and bind.
 */
export default function RegistersPage() {
  const t = useRegistryT();
  const agencies = useAgencies();
  const list = (agencies.data ?? []).filter((a) => a.may.read || a.may.register);
  const [unitId, setUnitId] = useState<number | undefined>();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs()]);
  const [kind, setKind] = useState<RegisterKind>('incoming');
  const agency = unitId ?? list[0]?.unitId;
  const query: RegisterQuery | null = agency ? { unitId: agency, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : null;
  const rows = useRegisterRows(kind, query);
  const data = rows.data?.rows ?? [];
  // The statutory columns as the server names them (Appendix IV's own Vietnamese headings, in both languages).
  const keys = rows.data?.columns ?? Object.keys(data[0] ?? {}).filter((k) => k !== 'documentId').map((k) => ({ key: k, label: k }));
  const linkKey = keys.find((c) => c.key === 'symbol' || c.key === 'document')?.key ?? keys[0]?.key;
  const columns: ColumnsType<Row> = keys.map((c) => ({
    title: c.label, key: c.key, width: NARROW[c.key] ?? WIDE[c.key],
    render: (_, r) => {
      const text = <span style={{ whiteSpace: NARROW[c.key] ? 'nowrap' : 'pre-wrap', overflowWrap: 'anywhere' }}>{cell(r[c.key])}</span>;
      const id = Number(r.documentId);
      return c.key === linkKey && id > 0 ? <Link to={documentPath(id)}>{text}</Link> : text;
    },
  }));
  if (agencies.isError) return <><RegistryNav /><PageHeader title={t('register.title')} /><ErrorResult error={agencies.error} onRetry={() => void agencies.refetch()} /></>;
  return (
    <>
      <RegistryNav />
      <PageHeader title={t('register.title')} subtitle={t('register.subtitle')} />
      {!agencies.isPending && list.length === 0 ? <Result status="info" title={t('register.noAgency')} /> : (
        <Card size="small">
          <Flex gap={12} wrap align="end" style={{ marginBottom: 12 }}>
            <Flex vertical gap={4}>
              <Typography.Text>{t('settings.agency')}</Typography.Text>
              <Select aria-label={t('settings.agency')} value={agency} onChange={setUnitId} style={{ width: 280 }} popupMatchSelectWidth={false}
                loading={agencies.isPending} options={list.map((a) => ({ value: a.unitId, label: a.unitName }))} />
            </Flex>
            <Flex vertical gap={4}>
              <Typography.Text>{t('register.period')}</Typography.Text>
              <DatePicker.RangePicker aria-label={t('register.period')} format={DATE_PATTERN} value={range} allowClear={false}
                onChange={(v) => { if (v?.[0] && v[1]) setRange([v[0], v[1]]); }} />
            </Flex>
          </Flex>
          <Tabs activeKey={kind} onChange={(k) => setKind(k as RegisterKind)} items={KINDS.map((k) => ({ key: k, label: t(`register.${k}`) }))} />
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            {query ? KINDS.map((k) => (
              <a key={k} href={registerPdfUrl(k, query)} target="_blank" rel="noopener">
                <Button icon={<FilePdfOutlined aria-hidden />} type={k === kind ? 'primary' : 'default'}>{t(`register.pdf.${k}`)}</Button>
              </a>
            )) : null}
          </Flex>
          {rows.isError ? <ErrorResult variant="inline" error={rows.error} onRetry={() => void rows.refetch()} /> : (
            <Table<Row> aria-label={t(`register.${kind}`)} data-testid={`registry-register-${kind}`} rowKey={(r, i) => String(r.id ?? r.documentId ?? i)} size="small"
              columns={columns} dataSource={data} loading={rows.isFetching} pagination={{ pageSize: 50, hideOnSinglePage: true }} scroll={{ x: 1400 }}
              locale={{ emptyText: <EmptyText>{t('register.empty')}</EmptyText> }} />
          )}
        </Card>
      )}
    </>
  );
}
