import { Button } from 'antd';
import { FileProtectOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { hasAnyRole, useAuth } from '../../shared/auth';
import { useCasesT } from './i18n';
import { COMPLAINT_HANDLE_ROLES, receiveFromFeedbackPath } from './paths';

/**
 * "Chuyển thành đơn tố cáo" on a feedback item about an official's conduct, for someone who may receive
 * complaints and denunciations (complaint.handle): opens the receipt form prefilled from the item. The
 * server still decides whether this person may draft from this item.
 */
export function FromFeedbackButton({ code, conduct }: { code: string; conduct: boolean }) {
  const t = useCasesT();
  const { user } = useAuth();
  if (!conduct || !hasAnyRole(user, COMPLAINT_HANDLE_ROLES)) return null;
  return (
    <Link to={receiveFromFeedbackPath(code)}>
      <Button icon={<FileProtectOutlined aria-hidden />} data-testid="to-denunciation">{t('fromFeedback')}</Button>
    </Link>
  );
}
