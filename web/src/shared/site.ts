import { useQuery } from '@tanstack/react-query';
import { api } from './api';
import { useT } from './i18n';

/** Public facts about this deployment; a province configures them as data, never in code. */
export interface SiteInfo {
  provinceName?: string;
  portalName?: string;
  ownerName?: string;
}

export function useSite(): Required<SiteInfo> & { configured: boolean } {
  const t = useT();
  const query = useQuery({
    queryKey: ['public', 'site'],
    queryFn: ({ signal }) => api.get<SiteInfo>('/public/site', undefined, signal),
    staleTime: Infinity,
    retry: false,
  });
  const data = query.data ?? {};
  return {
    provinceName: data.provinceName ?? t('app.defaultProvince'),
    portalName: data.portalName ?? t('app.portalName'),
    ownerName: data.ownerName ?? data.provinceName ?? '',
    /** False until the server names the province; pages then avoid repeating the fallback. */
    configured: Boolean(data.provinceName),
  };
}
