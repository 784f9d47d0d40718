import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, isApiError } from '../api';
import type { SessionUser } from './types';

export const ME_QUERY_KEY = ['auth', 'me'] as const;

type AuthStatus = 'loading' | 'anonymous' | 'authenticated' | 'error';

interface AuthContextValue {
  status: AuthStatus;
  user: SessionUser | null;
  error: ApiError | Error | null;
  refresh: () => Promise<unknown>;
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  changePassword: (currentPassword: string, newPassword: string) => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

async function fetchMe(signal: AbortSignal): Promise<SessionUser | null> {
  try {
    const body = await api.get<{ user: SessionUser }>('/auth/me', undefined, signal);
    return body.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) return null; // not signed in
    throw error;
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useQuery({
    queryKey: ME_QUERY_KEY,
    queryFn: ({ signal }) => fetchMe(signal),
    staleTime: 5 * 60_000,
    retry: (count, error) => count < 1 && !(isApiError(error) && error.status < 500 && error.status > 0),
  });

  const login = useCallback(
    async (username: string, password: string) => {
      const body = await api.post<{ user: SessionUser }>('/auth/login', { username, password });
      // Data cached for a previous user must never show to the next one.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, body.user);
      return body.user;
    },
    [queryClient],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, null);
    }
  }, [queryClient]);

  const changePassword = useCallback(
    async (currentPassword: string, newPassword: string) => {
      await api.post('/auth/password', { currentPassword, newPassword });
      await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
    [queryClient],
  );

  const value = useMemo<AuthContextValue>(() => {
    let status: AuthStatus;
    if (me.isPending) status = 'loading';
    else if (me.isError) status = 'error';
    else status = me.data ? 'authenticated' : 'anonymous';
    return {
      status,
      user: me.data ?? null,
      error: me.error,
      refresh: me.refetch,
      login,
      logout,
      changePassword,
    };
  }, [me.isPending, me.isError, me.data, me.error, me.refetch, login, logout, changePassword]);

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
