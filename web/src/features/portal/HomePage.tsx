import { Card, Col, Row, Steps, Typography } from 'antd';
import { CalendarOutlined, FileSearchOutlined, ProfileOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { useSite } from '../../shared/site';
import { HeroSearch } from './HeroSearch';
import { usePortalT } from './messages';

function QuickLink({ to, icon, title, text }: { to: string; icon: ReactNode; title: string; text: string }) {
  return (
    <Link to={to} style={{ display: 'block', height: '100%' }}>
      <Card hoverable style={{ height: '100%' }}>
        <Card.Meta
          avatar={<span style={{ fontSize: 30, color: '#9e1c1c' }}>{icon}</span>}
          title={title}
          description={text}
        />
      </Card>
    </Link>
  );
}

export default function HomePage() {
  const t = usePortalT();
  const ts = useT();
  const site = useSite();
  return (
    <>
      <section className="mc-hero">
        <div className="mc-container">
          <Typography.Text strong style={{ color: '#7a1414', textTransform: 'uppercase', fontSize: 13 }}>
            {site.provinceName}
          </Typography.Text>
          <Typography.Title level={1} style={{ marginTop: 4 }}>
            {t('hero.title')}
          </Typography.Title>
          <Typography.Paragraph style={{ maxWidth: 720, fontSize: 16 }}>{t('hero.subtitle')}</Typography.Paragraph>
          <HeroSearch />
        </div>
      </section>
      <section className="mc-section">
        <div className="mc-container">
          <Typography.Title level={2} style={{ fontSize: 20 }}>
            {t('quick.title')}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <QuickLink to="/thu-tuc" icon={<ProfileOutlined />} title={ts('nav.procedures')} text={t('quick.procedures')} />
            </Col>
            <Col xs={24} md={8}>
              <QuickLink to="/tra-cuu" icon={<FileSearchOutlined />} title={ts('nav.lookup')} text={t('quick.lookup')} />
            </Col>
            <Col xs={24} md={8}>
              <QuickLink to="/lich-lam-viec" icon={<CalendarOutlined />} title={ts('nav.schedule')} text={t('quick.schedule')} />
            </Col>
          </Row>
        </div>
      </section>
      <section className="mc-section" style={{ background: '#fff' }}>
        <div className="mc-container">
          <Typography.Title level={2} style={{ fontSize: 20, marginBottom: 24 }}>
            {t('steps.title')}
          </Typography.Title>
          <Steps
            current={-1}
            responsive
            items={[1, 2, 3, 4].map((n) => ({ title: t(`steps.${n}` as 'steps.1') }))}
          />
        </div>
      </section>
    </>
  );
}
