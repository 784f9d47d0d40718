import { Input, Modal, Typography } from 'antd';
import { getLocale } from '../i18n';

const TEXT = {
  vi: { title: 'Nêu lý do xem thông tin cá nhân', ok: 'Xem', cancel: 'Hủy', placeholder: 'Ví dụ: Kiểm tra theo kế hoạch số 12/KH-UBND', short: 'Lý do cần ít nhất 5 ký tự.' },
  en: { title: 'Give a reason to view personal data', ok: 'View', cancel: 'Cancel', placeholder: 'E.g. inspection under plan 12/KH-UBND', short: 'The reason needs at least 5 characters.' },
};

/**
 * Asks the staff member why they open a citizen's personal data outside their own work (the API's
 * PERSONAL_DATA_REASON_REQUIRED); resolves to the reason, or null when they cancel.
 */
export function askAccessReason(message: string): Promise<string | null> {
  const t = TEXT[getLocale()];
  let reason = '';
  return new Promise((resolve) => {
    Modal.confirm({
      title: t.title,
      icon: null,
      okText: t.ok,
      cancelText: t.cancel,
      content: (
        <>
          <Typography.Paragraph type="secondary">{message}</Typography.Paragraph>
          <Input.TextArea autoFocus maxLength={500} rows={3} placeholder={t.placeholder} aria-label={t.title} onChange={(e) => { reason = e.target.value; }} />
        </>
      ),
      onOk: () => {
        if (reason.trim().length < 5) {
          Modal.error({ title: t.short });
          return Promise.reject(new Error('short'));
        }
        resolve(reason.trim());
        return undefined;
      },
      onCancel: () => resolve(null),
    });
  });
}
