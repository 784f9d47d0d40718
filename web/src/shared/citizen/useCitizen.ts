import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../api';

/** The signed-in citizen's profile (GET /api/v1/citizen/me); `null` when nobody is signed in. */
export interface CitizenProfile {
  id: number;
  fullName: string;
  idNumber: string | null;
  birthDate: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  issuer: string;
  version: number;
}

export const CITIZEN_QUERY_KEY = ['citizen', 'me'] as const;

export function useCitizen() {
  return useQuery({
    queryKey: CITIZEN_QUERY_KEY,
    queryFn: async ({ signal }) => {
      try {
        return await api.get<CitizenProfile>('/citizen/me', undefined, signal);
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 60_000,
  });
}

/**
 * Where the e-ID sign-in starts (the OpenID Connect flow of modules/citizens); after it the browser
 * comes back to `returnTo`, a path inside this app.
 */
export function citizenSignInUrl(returnTo: string): string {
  const safe = returnTo.startsWith('/') && !returnTo.startsWith('//') ? returnTo : '/';
  return `/api/v1/citizen/auth/start?returnTo=${encodeURIComponent(safe)}`;
}
