import { Tag, Typography } from 'antd';
import { formatDate } from '../../../shared/format';
import { useRegistryT } from '../i18n';
import type { FileStatus, FileView } from '../types';

const STATUS_COLOURS: Record<FileStatus, string> = { open: 'blue', closed: 'gold', handed_over: 'green', disposed: 'default', removed: 'default' };

export function FileStatusTag({ status }: { status: FileStatus }) {
  const t = useRegistryT();
  return <Tag color={STATUS_COLOURS[status]} data-file-status={status} style={{ marginInlineEnd: 0 }}>{t(`fileStatus.${status}`)}</Tag>;
}

/** A file's handover deadline: red once past, orange when near (Decree 30 art. 31, Appendix VI: reminded 30 days before). */
export function HandoverDue({ file }: { file: FileView }) {
  if (!file.handoverDueOn) return <Typography.Text type="secondary">—</Typography.Text>;
  if (file.handoverOverdue) return <Typography.Text type="danger" strong data-overdue="true">{formatDate(file.handoverDueOn)}</Typography.Text>;
  return <Typography.Text type={file.handoverDueSoon ? 'warning' : undefined}>{formatDate(file.handoverDueOn)}</Typography.Text>;
}

