import { type ReactNode, Suspense } from 'react';
import type { RouteObject } from 'react-router-dom';
import { ADMIN_SURFACE_ROLES, RequireAuth } from '../shared/auth';
import { PublicLayout } from '../shared/layout/PublicLayout';
import { SurfaceIndex, WorkspaceLayout } from '../shared/layout/WorkspaceLayout';
import { type FeatureModule, type PageDefinition, type Surface, navItems, SURFACE_BASE } from '../shared/module';
import { FullPageSpin, NotFoundPage } from '../shared/ui/StatusPages';
import { CrashPage } from './CrashPage';

function pageElement(page: PageDefinition): ReactNode {
  const Page = page.component;
  const element = <Page />;
  const guarded = page.surface !== 'public' && (page.roles?.length || (page.surface === 'bare' && page.requireAuth));
  return guarded ? <RequireAuth roles={page.roles}>{element}</RequireAuth> : element;
}

function childRoutes(pages: PageDefinition[], surface: Surface): RouteObject[] {
  return pages
    .filter((page) => page.surface === surface)
    .map((page) => (page.path ? { path: page.path, element: pageElement(page) } : { index: true, element: pageElement(page) }));
}

function withIndex(routes: RouteObject[], fallback: ReactNode): RouteObject[] {
  const hasIndex = routes.some((route) => route.index);
  return [...(hasIndex ? [] : [{ index: true, element: fallback }]), ...routes, { path: '*', element: <NotFoundPage /> }];
}

/** Every page of every registered module, placed in its surface's layout. */
export function buildRoutes(modules: readonly FeatureModule[]): RouteObject[] {
  const pages = modules.flatMap((m) => m.pages);
  const staffNav = navItems(modules, 'staff');
  const adminNav = navItems(modules, 'admin');
  const widgets = modules.flatMap((m) => (m.header ? [m.header] : []));

  const bare: RouteObject[] = pages
    .filter((page) => page.surface === 'bare')
    .map((page) => ({
      path: `/${page.path}`,
      element: <Suspense fallback={<FullPageSpin />}>{pageElement(page)}</Suspense>,
    }));

  return [
    {
      errorElement: <CrashPage />,
      children: [
        ...bare,
        {
          path: SURFACE_BASE.staff,
          element: (
            <RequireAuth>
              <WorkspaceLayout surface="staff" items={staffNav} widgets={widgets} />
            </RequireAuth>
          ),
          children: withIndex(childRoutes(pages, 'staff'), <SurfaceIndex items={staffNav} />),
        },
        {
          path: SURFACE_BASE.admin,
          element: (
            <RequireAuth roles={ADMIN_SURFACE_ROLES}>
              <WorkspaceLayout surface="admin" items={adminNav} widgets={widgets} />
            </RequireAuth>
          ),
          children: withIndex(childRoutes(pages, 'admin'), <SurfaceIndex items={adminNav} />),
        },
        {
          path: SURFACE_BASE.public,
          element: <PublicLayout nav={navItems(modules, 'public')} />,
          children: withIndex(childRoutes(pages, 'public'), <NotFoundPage />),
        },
      ],
    },
  ];
}
