import { Tag } from 'antd';
import type { SetStatus } from '../api-sets';
import { useParSetT } from '../i18n-sets';

export function StatusTag({ status }: { status: SetStatus }) {
  const t = useParSetT();
  return <Tag color={status === 'issued' ? 'green' : 'default'} data-status={status} style={{ marginInlineEnd: 0 }}>{t(`status.${status}`)}</Tag>;
}

/** "Mẫu minh họa" and "Đã dùng cho đợt đánh giá", when they apply. */
export function SetTags({ set }: { set: { illustrative: boolean; frozen: boolean } }) {
  const t = useParSetT();
  return (
    <>
      {set.illustrative ? <Tag color="orange" style={{ marginInlineEnd: 0 }}>{t('tag.illustrative')}</Tag> : null}
      {set.frozen ? <Tag color="blue" style={{ marginInlineEnd: 0 }}>{t('tag.frozen')}</Tag> : null}
    </>
  );
}
