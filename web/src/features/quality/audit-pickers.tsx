import { useMemo } from 'react';
import { Select } from 'antd';
import { foldVietnamese } from '../org/tree';
import { usePeople } from './api';
import { useQualityT } from './i18n';
import { useAgencyUnits } from './pickers';

export const folded = (input: string, option?: { label?: unknown }) => foldVietnamese(String(option?.label ?? '')).includes(foldVietnamese(input));

/**
 * One or several of the agency's people, searched without diacritics. An optional single choice offers
 * `noneLabel` first (0 in the list, null in the form) instead of Ant Design's clear button, named in English.
 */
export function PeopleSelect({ qmsId, value, onChange, id, exclude, multiple, noneLabel, ...rest }: {
  qmsId: number; value?: number | number[] | null; onChange?: (v: never) => void; id?: string; exclude?: number | null; multiple?: boolean; noneLabel?: string; 'aria-label'?: string;
}) {
  const t = useQualityT();
  const people = usePeople(qmsId);
  const options = useMemo(() => [
    ...(noneLabel && !multiple ? [{ value: 0, label: noneLabel }] : []),
    ...(people.data ?? []).filter((p) => p.staffId !== exclude).map((p) => ({ value: p.staffId, label: `${p.name} — ${p.unitName}` })),
  ], [people.data, exclude, noneLabel, multiple]);
  return (
    <Select id={id} aria-label={rest['aria-label']} mode={multiple ? 'multiple' : undefined} value={value ?? (noneLabel && !multiple ? 0 : undefined)} loading={people.isPending} options={options}
      placeholder={t('a.person.search')} notFoundContent={t('a.noPeople')} showSearch={{ filterOption: folded }} popupMatchSelectWidth={false} style={{ width: '100%' }}
      onChange={(v) => onChange?.((v === 0 ? null : v) as never)} />
  );
}

/**
 * One of the agency's units for a required owner (a finding's, a proposal's, a decision's). No clear
 * button: Ant Design names it in English, and a required field has nothing to clear to.
 */
export function OwnerUnitSelect({ qmsId, value, onChange, id, ...rest }: { qmsId: number; value?: number | null; onChange?: (v: number) => void; id?: string; 'aria-label'?: string }) {
  const t = useQualityT();
  const { units, loading } = useAgencyUnits(qmsId);
  return (
    <Select id={id} aria-label={rest['aria-label']} value={value ?? undefined} loading={loading} placeholder={t('a.unit.choose')} notFoundContent={t('a.none')}
      showSearch={{ filterOption: folded }} popupMatchSelectWidth={false} style={{ width: '100%' }}
      options={units.map((u) => ({ value: u.id, label: u.name }))} onChange={(v: number) => onChange?.(v)} />
  );
}
