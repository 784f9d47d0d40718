import { Card, Col, Flex, Row, Typography } from 'antd';
import { CalendarOutlined, CommentOutlined, FileSearchOutlined, MessageOutlined, ProfileOutlined } from '@ant-design/icons';
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
          {site.configured ? (
            <Typography.Text strong style={{ color: '#7a1414', textTransform: 'uppercase', fontSize: 13 }}>
              {site.provinceName}
            </Typography.Text>
          ) : null}
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
            <Col xs={24} md={12}>
              <QuickLink to="/phan-anh" icon={<MessageOutlined />} title={t('quick.feedbackTitle')} text={t('quick.feedback')} />
            </Col>
            <Col xs={24} md={12}>
              <QuickLink to="/phan-anh/cong-khai" icon={<CommentOutlined />} title={t('quick.publishedTitle')} text={t('quick.published')} />
            </Col>
          </Row>
        </div>
      </section>
      <section className="mc-section" style={{ background: '#fff' }}>
        <div className="mc-container">
          <Typography.Title level={2} style={{ fontSize: 20, marginBottom: 24 }}>
            {t('steps.title')}
          </Typography.Title>
          <Row gutter={[24, 16]} role="list">
            {(['steps.1', 'steps.2', 'steps.3', 'steps.4'] as const).map((key, index) => (
              <Col xs={24} sm={12} lg={6} key={key} role="listitem">
                <Flex gap={12} align="flex-start">
                  <span className="mc-step-number" aria-hidden="true">
                    {index + 1}
                  </span>
                  <Typography.Text style={{ fontSize: 16 }}>{t(key)}</Typography.Text>
                </Flex>
              </Col>
            ))}
          </Row>
        </div>
      </section>
    </>
  );
}
