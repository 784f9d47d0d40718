import { Card, Tabs } from 'antd';
import { hasAnyRole, useAuth } from '../../shared/auth';
import { PageHeader } from '../../shared/ui/PageHeader';
import { MessagesTab } from './MessagesTab';
import { useOutboxT } from './messages';
import { TemplatesTab } from './TemplatesTab';

export default function OutboxPage() {
  const t = useOutboxT();
  const { user } = useAuth();
  // Unit heads see their units' messages; only administrators edit the texts (the API says the same).
  const admin = hasAnyRole(user, ['admin']);
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card size="small">
        <Tabs
          destroyOnHidden
          items={[
            { key: 'messages', label: t('tab.messages'), children: <MessagesTab /> },
            ...(admin ? [{ key: 'templates', label: t('tab.templates'), children: <TemplatesTab /> }] : []),
          ]}
        />
      </Card>
    </>
  );
}
