import { Alert, Card, Typography } from 'antd';
import { ComingSoon } from '../../shared/ui/StatusPages';
import { useCalendarT } from './messages';

export default function PublicSchedulePage() {
  const t = useCalendarT();
  return (
    <div className="mc-container mc-section">
      <Typography.Title level={1} style={{ fontSize: 26 }}>
        {t('public.title')}
      </Typography.Title>
      <Alert type="info" showIcon title={t('public.hours')} style={{ marginBottom: 16 }} />
      <Card>
        <ComingSoon />
      </Card>
    </div>
  );
}
