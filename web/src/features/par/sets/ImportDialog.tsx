import { useState } from 'react';
import { Alert, Button, Modal, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import { type CriteriaTree, type ImportResult, useReadWorkbook } from '../api-sets';
import { useParSetT } from '../i18n-sets';
import { points } from './describe';
import { countLeaves } from './tree';

interface Props {
  setId: number;
  open: boolean;
  saving: boolean;
  /** Called with the workbook's tree once the user confirms; the page saves it with PATCH. */
  onReplace: (tree: CriteriaTree) => void;
  onClose: () => void;
}

/**
 * "Nhập từ Excel": the workbook is read on the server without saving anything; its problems are listed
 * by row, and only a workbook without problems can replace the tree, after the user says so.
 */
export function ImportDialog({ setId, open, saving, onReplace, onClose }: Props) {
  const t = useParSetT();
  const locale = useLocale();
  const read = useReadWorkbook(setId);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => { setResult(null); setFailure(null); read.reset(); onClose(); };
  const tree = result?.problems.length === 0 ? result.tree : null;
  return (
    <Modal open={open} title={t('import.title')} onCancel={close} width={720} destroyOnHidden
      footer={[
        <Button key="cancel" onClick={close}>{t('cancel')}</Button>,
        <Button key="replace" type="primary" danger disabled={!tree} loading={saving} onClick={() => tree && onReplace(tree)}>{t('import.replace')}</Button>,
      ]}>
      <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
      <Upload
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          setResult(null);
          setFailure(null);
          read.mutateAsync(file).then(setResult, (e: unknown) => setFailure(errorMessage(e, locale)));
          return false;
        }}
      >
        <Button icon={<UploadOutlined aria-hidden />} loading={read.isPending}>{read.isPending ? t('import.reading') : t('import.pick')}</Button>
      </Upload>
      <div style={{ marginTop: 16 }} aria-live="polite">
        {failure ? <Alert type="error" showIcon role="alert" title={failure} /> : null}
        {result && result.problems.length > 0 ? (
          <Alert type="error" showIcon title={t('import.problems', { n: result.problems.length })} description={(
            <ul className="mc-par-problems">
              {result.problems.map((p, i) => <li key={i}>{p.row === null ? p.message : t('import.row', { row: p.row, message: p.message })}</li>)}
            </ul>
          )} />
        ) : null}
        {tree ? (
          <Alert type="warning" showIcon title={t('import.read', {
            areas: tree.areas.length, leaves: countLeaves(tree.areas), bonus: points(tree.caps.bonus), penalty: points(tree.caps.penalty),
          })} description={t('import.replaceWarn')} />
        ) : null}
      </div>
    </Modal>
  );
}
