import { Select } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAgencies } from '../api';
import { useRegistryT } from '../i18n';
import { idParam } from '../paths';

/** The agency (and year) a files page shows, kept in its address: `?unitId=&year=`. */
export function useAgencyYear() {
  const [params, setParams] = useSearchParams();
  const agencies = useAgencies();
  const list = (agencies.data ?? []).filter((a) => a.may.read || a.may.register);
  const asked = idParam(params.get('unitId'));
  const unitId = list.some((a) => a.unitId === asked) ? asked! : list[0]?.unitId;
  const y = Number(params.get('year'));
  const year = y >= 2000 && y <= 2100 ? y : new Date().getFullYear();
  const update = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) (v ? next.set(k, v) : next.delete(k));
    setParams(next, { replace: true });
  };
  return { agencies, list, unitId, year, params, update, agency: list.find((a) => a.unitId === unitId) };
}

export function AgencySelect({ value, list, update }: { value: number | undefined; list: { unitId: number; unitName: string }[]; update: (p: Record<string, string | undefined>) => void }) {
  const t = useRegistryT();
  return (
    <Select aria-label={t('settings.agency')} value={value} style={{ width: 280 }} popupMatchSelectWidth={false} onChange={(v: number) => update({ unitId: String(v) })}
      options={list.map((a) => ({ value: a.unitId, label: a.unitName }))} />
  );
}
