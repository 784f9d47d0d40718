import { Select } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useAgencies } from './api';
import { useRegistryT } from './i18n';
import { idParam } from './paths';

/** The agency a list is narrowed to (`?unitId=`); shown only to someone who sees several agencies. */
export function useAgencyParam(): number | undefined {
  const [params] = useSearchParams();
  return idParam(params.get('unitId')) ?? undefined;
}

export function AgencyFilter({ value, update }: { value: number | undefined; update: (patch: Record<string, string | undefined>) => void }) {
  const t = useRegistryT();
  const agencies = useAgencies();
  const list = agencies.data ?? [];
  if (list.length < 2) return null;
  return (
    <Select aria-label={t('list.agency')} value={value ?? 0} style={{ width: 260 }} popupMatchSelectWidth={false}
      onChange={(v: number) => update({ unitId: v ? String(v) : undefined })}
      options={[{ value: 0, label: t('list.allAgencies') }, ...list.map((a) => ({ value: a.unitId, label: a.unitName }))]} />
  );
}
