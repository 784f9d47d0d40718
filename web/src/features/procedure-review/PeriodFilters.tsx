import type { ReactNode } from 'react';
import { DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { DATE_PATTERN } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { useReviewUnits } from './api';
import { useReviewT } from './i18n';
import { day } from './format';
import type { CostQuery, Period } from './types';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The unit and period a cost page shows, kept in its address (`?unitId=&from=&to=`) so a link opens the
 * same view; absent, the server chooses (the highest unit read, the 365 days ending yesterday).
 */
export function usePeriodQuery() {
  const [params, setParams] = useSearchParams();
  const unit = Number(params.get('unitId'));
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const query: CostQuery = {
    unitId: Number.isInteger(unit) && unit > 0 ? unit : undefined,
    from: DAY.test(from) ? from : undefined,
    to: DAY.test(to) ? to : undefined,
  };
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next, { replace: true });
  };
  return { query, params, update };
}

/** The same address parameters as a query string to carry from one cost page to another. */
export function periodSearch(query: CostQuery): string {
  const p = new URLSearchParams();
  if (query.unitId) p.set('unitId', String(query.unitId));
  if (query.from) p.set('from', query.from);
  if (query.to) p.set('to', query.to);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Unit, from and to, each with its visible label; `shownUnitId` and `shownPeriod` are what the server answered for (its defaults show as placeholders). */
export function PeriodFilters({ query, update, shownUnitId, shownPeriod, children }: {
  query: CostQuery; update: (patch: Record<string, string | undefined>) => void; shownUnitId?: number; shownPeriod?: Period; children?: ReactNode;
}) {
  const t = useReviewT();
  const ts = useT();
  const units = useReviewUnits();
  const value = query.unitId ?? shownUnitId;
  return (
    <Flex gap={12} wrap align="flex-end">
      <Flex vertical gap={4}>
        <label htmlFor="pr-unit">{t('common.unit')}</label>
        <Select id="pr-unit" value={value} loading={units.isPending} style={{ width: 320, maxWidth: '100%' }} popupMatchSelectWidth={false}
          placeholder={t('common.unitDefault')} showSearch={{ optionFilterProp: 'label' }}
          onChange={(v: number) => update({ unitId: String(v) })}
          options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} />
      </Flex>
      <Flex vertical gap={4}>
        <label htmlFor="pr-from">{t('common.from')}</label>
        <DatePicker id="pr-from" format={DATE_PATTERN} placeholder={shownPeriod ? day(shownPeriod.from) : ts('common.datePlaceholder')} style={{ width: 175 }}
          value={query.from ? dayjs(query.from) : null} onChange={(d) => update({ from: d ? d.format('YYYY-MM-DD') : undefined })} />
      </Flex>
      <Flex vertical gap={4}>
        <label htmlFor="pr-to">{t('common.to')}</label>
        <DatePicker id="pr-to" format={DATE_PATTERN} placeholder={shownPeriod ? day(shownPeriod.to) : ts('common.datePlaceholder')} style={{ width: 175 }}
          value={query.to ? dayjs(query.to) : null} onChange={(d) => update({ to: d ? d.format('YYYY-MM-DD') : undefined })} />
      </Flex>
      {children}
    </Flex>
  );
}
