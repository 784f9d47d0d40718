import { Suspense } from 'react';
import { Button, Col, Flex, Grid, Row } from 'antd';
import { LoginOutlined, AppstoreOutlined } from '@ant-design/icons';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { SIGN_IN_PATH, homePath, useAuth } from '../auth';
import { CitizenMenu } from '../citizen';
import { useLocale, useT } from '../i18n';
import type { NavItem } from '../module';
import { useFallbackTitle } from '../pageTitle';
import { useSite } from '../site';
import { FullPageSpin } from '../ui/StatusPages';
import { Brand } from './Brand';
import { LocaleSwitch } from './LocaleSwitch';

export function PublicLayout({ nav }: { nav: NavItem[] }) {
  const t = useT();
  const locale = useLocale();
  const site = useSite();
  const { user } = useAuth();
  const screens = Grid.useBreakpoint();
  const compact = screens.sm === false; // phones: icon-only buttons leave room for the name
  useFallbackTitle(null);
  const workspace = user ? homePath(user) : '/can-bo';

  return (
    <div className="mc-public-shell">
      <a className="mc-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="mc-public-header">
        <div className="mc-public-header-inner">
          <Brand top={site.provinceName} main={site.portalName} />
          <Flex align="center" gap={8} wrap={false}>
            <LocaleSwitch />
            <CitizenMenu compact={compact} />
            {user ? (
              <Link to={workspace}>
                <Button
                  icon={<AppstoreOutlined />}
                  aria-label={t(workspace.startsWith('/quan-tri') ? 'surface.admin' : 'surface.staff')}
                >
                  {compact ? null : t(workspace.startsWith('/quan-tri') ? 'surface.admin' : 'surface.staff')}
                </Button>
              </Link>
            ) : (
              <Link to={SIGN_IN_PATH}>
                <Button icon={<LoginOutlined />} aria-label={t('nav.signIn')}>
                  {compact ? null : t('nav.signIn')}
                </Button>
              </Link>
            )}
          </Flex>
        </div>
      </header>
      <nav className="mc-public-nav" aria-label={t('surface.public')}>
        <div className="mc-container">
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          {nav.map((item) => (
            // An entry whose path starts another's ("/phan-anh" and "/phan-anh/cong-khai") is lit only on its own page.
            <NavLink key={item.path} to={item.path} end={nav.some((other) => other.path.startsWith(`${item.path}/`))}>
              {item.label(locale)}
            </NavLink>
          ))}
        </div>
      </nav>
      <main id="main" className="mc-public-main">
        <Suspense fallback={<FullPageSpin />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="mc-public-footer">
        <div className="mc-container">
          <Row gutter={[24, 12]}>
            <Col xs={24} md={14}>
              <strong>{site.portalName}</strong>
              {site.ownerName ? <div>{t('footer.owner', { owner: site.ownerName })}</div> : null}
            </Col>
            <Col xs={24} md={10}>
              <div>{t('footer.hotline')}</div>
              <div style={{ opacity: 0.8 }}>{t('footer.software')}</div>
            </Col>
          </Row>
        </div>
      </footer>
    </div>
  );
}
