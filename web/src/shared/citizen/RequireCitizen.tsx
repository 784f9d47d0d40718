import { Button, Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { ErrorResult } from '../ui/ErrorResult';
import { FullPageSpin } from '../ui/StatusPages';
import { useCitizenT } from './messages';
import { citizenSignInUrl, useCitizen } from './useCitizen';

/** Citizen pages: shown to a signed-in citizen; anyone else is offered the e-ID sign-in, then comes back here. */
export function RequireCitizen({ children }: { children: ReactNode }) {
  const citizen = useCitizen();
  const location = useLocation();
  const t = useCitizenT();
  if (citizen.isPending) return <FullPageSpin />;
  if (citizen.isError) return <ErrorResult error={citizen.error} onRetry={() => void citizen.refetch()} />;
  if (!citizen.data) {
    return (
      <Card style={{ maxWidth: 560, margin: '32px auto' }}>
        <Typography.Title level={2} style={{ fontSize: 22 }}>{t('signIn.title')}</Typography.Title>
        <Typography.Paragraph>{t('signIn.intro')}</Typography.Paragraph>
        <Button type="primary" size="large" href={citizenSignInUrl(`${location.pathname}${location.search}`)}>{t('signIn.button')}</Button>
      </Card>
    );
  }
  return <>{children}</>;
}
