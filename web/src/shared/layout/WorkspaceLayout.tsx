import { type ComponentType, Suspense, useState } from 'react';
import { Button, Drawer, Grid, Layout, Tooltip } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined, SwapOutlined } from '@ant-design/icons';
import { Link, Navigate, Outlet } from 'react-router-dom';
import { ADMIN_SURFACE_ROLES, hasAnyRole, useAuth } from '../auth';
import { useT } from '../i18n';
import type { NavItem } from '../module';
import { useFallbackTitle } from '../pageTitle';
import { useSite } from '../site';
import { ForbiddenPage, FullPageSpin } from '../ui/StatusPages';
import { Brand } from './Brand';
import { LocaleSwitch } from './LocaleSwitch';
import { SideMenu } from './SideMenu';
import { UserMenu } from './UserMenu';

type WorkspaceSurface = 'staff' | 'admin';

interface Props {
  surface: WorkspaceSurface;
  items: NavItem[];
  /** Header widgets the feature modules contribute (FeatureModule.header). */
  widgets?: ComponentType[];
}

function useVisibleItems(items: NavItem[]): NavItem[] {
  const { user } = useAuth();
  return items.filter((item) => hasAnyRole(user, item.roles));
}

export function WorkspaceLayout({ surface, items, widgets = [] }: Props) {
  const t = useT();
  const site = useSite();
  const screens = Grid.useBreakpoint();
  const { user } = useAuth();
  const visible = useVisibleItems(items);
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  // Before the first measurement every breakpoint is undefined; assume a wide screen.
  const isDesktop = screens.lg ?? true;
  const title = t(surface === 'admin' ? 'surface.admin' : 'surface.staff');
  const other: WorkspaceSurface | null =
    surface === 'admin' ? 'staff' : hasAnyRole(user, ADMIN_SURFACE_ROLES) ? 'admin' : null;
  const menuLabel = title;
  useFallbackTitle(title);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <a className="mc-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="mc-workspace-header">
        {isDesktop ? (
          <Tooltip title={t(collapsed ? 'nav.expandMenu' : 'nav.collapseMenu')}>
            <Button
              type="text"
              aria-label={t(collapsed ? 'nav.expandMenu' : 'nav.collapseMenu')}
              icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
              onClick={() => setCollapsed((c) => !c)}
            />
          </Tooltip>
        ) : (
          <Button type="text" aria-label={t('nav.openMenu')} icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} />
        )}
        <div className="mc-grow">
          <Brand top={site.portalName} main={title} to={surface === 'admin' ? '/quan-tri' : '/can-bo'} />
        </div>
        {other && screens.sm ? (
          <Link to={other === 'admin' ? '/quan-tri' : '/can-bo'}>
            <Button icon={<SwapOutlined />}>{t(other === 'admin' ? 'surface.admin' : 'surface.staff')}</Button>
          </Link>
        ) : null}
        {widgets.map((Widget, i) => (
          <Widget key={i} />
        ))}
        <LocaleSwitch />
        <UserMenu />
      </Layout.Header>
      <Layout>
        {isDesktop ? (
          <Layout.Sider
            width={248}
            collapsedWidth={64}
            collapsed={collapsed}
            trigger={null}
            className="mc-workspace-sider"
          >
            <SideMenu items={visible} label={menuLabel} />
          </Layout.Sider>
        ) : (
          <Drawer
            placement="left"
            size={280}
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            title={title}
            styles={{ body: { padding: 0 } }}
          >
            <SideMenu items={visible} label={menuLabel} onNavigate={() => setDrawerOpen(false)} />
            {other ? (
              <div style={{ padding: 16 }}>
                <Link to={other === 'admin' ? '/quan-tri' : '/can-bo'} onClick={() => setDrawerOpen(false)}>
                  <Button block icon={<SwapOutlined />}>
                    {t(other === 'admin' ? 'surface.admin' : 'surface.staff')}
                  </Button>
                </Link>
              </div>
            ) : null}
          </Drawer>
        )}
        <Layout.Content id="main" className="mc-workspace-content">
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** The surface's index: its first menu entry the user may open. */
export function SurfaceIndex({ items }: { items: NavItem[] }) {
  const visible = useVisibleItems(items);
  const first = visible[0];
  return first ? <Navigate to={first.path} replace /> : <ForbiddenPage />;
}
