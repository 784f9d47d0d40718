import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { Brand } from '../../shared/layout/Brand';
import { LocaleSwitch } from '../../shared/layout/LocaleSwitch';
import { usePageTitle } from '../../shared/pageTitle';
import { useSite } from '../../shared/site';

/** The centred card that sign-in and password pages share. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  const site = useSite();
  return (
    <main
      id="main"
      style={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(160deg, #7a1414 0%, #9e1c1c 45%, #f4f5f7 45%)',
      }}
    >
      <Card style={{ width: '100%', maxWidth: 420, boxShadow: '0 8px 28px rgba(0,0,0,0.12)' }}>
        <Flex justify="space-between" align="flex-start" gap={8} className="mc-auth-brand" style={{ marginBottom: 20, color: '#7a1414' }}>
          <Brand top={site.provinceName} main={site.portalName} />
          <LocaleSwitch />
        </Flex>
        <Typography.Title level={1} style={{ fontSize: 22, marginBottom: 4 }}>
          {title}
        </Typography.Title>
        {subtitle ? (
          <Typography.Paragraph type="secondary" style={{ marginBottom: 20 }}>
            {subtitle}
          </Typography.Paragraph>
        ) : null}
        {children}
      </Card>
    </main>
  );
}
