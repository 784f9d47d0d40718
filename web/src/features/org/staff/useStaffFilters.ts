import { useSearchParams } from 'react-router-dom';
import type { StaffQuery } from '../api';

const PAGE_SIZES = [10, 20, 50, 100];

/** Search, unit filter and paging live in the URL, so a filtered list can be reloaded or shared. */
export function useStaffFilters(): [StaffQuery, (patch: Partial<StaffQuery>) => void] {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const sizeParam = Number(params.get('pageSize'));
  const query: StaffQuery = {
    q: params.get('q') ?? undefined,
    unitId: params.get('unitId') ?? undefined,
    page,
    pageSize: PAGE_SIZES.includes(sizeParam) ? sizeParam : 20,
  };
  const update = (patch: Partial<StaffQuery>) => {
    const next = { ...query, ...patch };
    // A new search or filter starts again from the first page.
    if (('q' in patch || 'unitId' in patch) && !('page' in patch)) next.page = 1;
    const out = new URLSearchParams();
    if (next.q) out.set('q', next.q);
    if (next.unitId) out.set('unitId', next.unitId);
    if (next.page > 1) out.set('page', String(next.page));
    if (next.pageSize !== 20) out.set('pageSize', String(next.pageSize));
    setParams(out, { replace: true });
  };
  return [query, update];
}

export { PAGE_SIZES };
