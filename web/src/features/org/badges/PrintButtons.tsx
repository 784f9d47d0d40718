import { Button } from 'antd';
import { IdcardOutlined, PrinterOutlined } from '@ant-design/icons';
import type { Id } from '../../../shared/auth';
import { badgesPdfUrl } from '../api';
import { useOrgT } from '../i18n';

/** Opens the A4 PDF sheets for the selected staff in a new tab (the browser shows and prints them). */
export function PrintButtons({ staffIds, onClear }: { staffIds: Id[]; onClear?: () => void }) {
  const t = useOrgT();
  const open = (kind: 'badges' | 'nameplates') =>
    window.open(badgesPdfUrl(kind, staffIds), '_blank', 'noopener');
  return (
    <>
      <Button type="primary" icon={<IdcardOutlined />} disabled={!staffIds.length} onClick={() => open('badges')}>
        {t('badges.printBadges')}
      </Button>
      <Button icon={<PrinterOutlined />} disabled={!staffIds.length} onClick={() => open('nameplates')}>
        {t('badges.printNameplates')}
      </Button>
      {onClear ? (
        <Button type="link" onClick={onClear}>
          {t('badges.clear')}
        </Button>
      ) : null}
    </>
  );
}
