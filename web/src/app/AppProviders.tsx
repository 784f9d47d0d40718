import { type ReactNode, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { isApiError } from '../shared/api';
import { AuthProvider, ME_QUERY_KEY } from '../shared/auth';
import { antdLocale, useLocale } from '../shared/i18n';
import { theme } from '../shared/theme';

function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        // A 401 on any other request means the session ended: re-ask who is signed in, and
        // RequireAuth sends the user to the sign-in page.
        if (isApiError(error) && error.status === 401 && query.queryKey[0] !== ME_QUERY_KEY[0]) {
          void client.invalidateQueries({ queryKey: ME_QUERY_KEY });
        }
      },
    }),
    mutationCache: new MutationCache({
      onError: (error) => {
        if (isApiError(error) && error.status === 401) {
          void client.invalidateQueries({ queryKey: ME_QUERY_KEY });
        }
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Client errors will not fix themselves; server and network errors get one more try.
        retry: (count, error) => count < 1 && !(isApiError(error) && error.status >= 400 && error.status < 500),
      },
    },
  });
  return client;
}

/**
 * The page's Content-Security-Policy nonce (set by the server in index.html): Ant Design's run-time
 * styles must carry it, since the policy has no 'unsafe-inline'. Browsers hide a nonce attribute
 * from the DOM, so it is read through the `nonce` property.
 */
const cspNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;
const csp = cspNonce ? { nonce: cspNonce } : undefined;

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const locale = useLocale();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={antdLocale(locale)} theme={theme} csp={csp}>
        <AntApp>
          <AuthProvider>{children}</AuthProvider>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
