import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router-dom';
import { useLocale } from '../i18n';
import type { NavItem } from '../module';

/** The entry whose path is the longest prefix of the current location is selected. */
function selectedKey(items: NavItem[], pathname: string): string | undefined {
  return items
    .filter((item) => pathname === item.path || pathname.startsWith(`${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}

export function SideMenu({ items, onNavigate, label }: { items: NavItem[]; onNavigate?: () => void; label: string }) {
  const locale = useLocale();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const selected = selectedKey(items, pathname);
  return (
    <nav aria-label={label}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        style={{ borderInlineEnd: 'none', paddingTop: 8 }}
        items={items.map((item) => ({
          key: item.path,
          icon: item.icon,
          label: <a href={item.path} onClick={(e) => e.preventDefault()}>{item.label(locale)}</a>,
        }))}
        onClick={({ key }) => {
          navigate(key);
          onNavigate?.();
        }}
      />
    </nav>
  );
}
