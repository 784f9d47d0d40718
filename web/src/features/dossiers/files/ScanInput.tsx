import { useId, useRef, useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { CloseOutlined, PaperClipOutlined } from '@ant-design/icons';
import { errorMessage } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import { type AttachedFile, uploadScan } from '../api';
import { useDossierT } from '../i18n';

const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/**
 * Attaches one scan (Circular 01/2023 digitisation) as a form field: a real file input (keyboard
 * reachable through its button, labelled for screen readers), uploaded at once so the form only
 * carries the stored file's key; the server refuses content that is not a PDF, JPEG or PNG.
 */
export function ScanInput({ value, onChange, label }: { value?: AttachedFile; onChange?: (v: AttachedFile | undefined) => void; label: string }) {
  const t = useDossierT();
  const locale = useLocale();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setProblem(null);
    try {
      onChange?.(await uploadScan(file));
    } catch (error) {
      setProblem(errorMessage(error, locale));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Flex vertical gap={2}>
      <Flex gap={8} align="center" wrap>
        <input ref={input} id={id} type="file" accept={ACCEPT} aria-label={label} className="mc-visually-hidden" onChange={(e) => void pick(e.target.files?.[0])} />
        <Button size="small" icon={<PaperClipOutlined aria-hidden />} loading={busy} onClick={() => input.current?.click()} aria-describedby={`${id}-state`}>
          {value ? t('files.replace') : t('files.attach')}
        </Button>
        <span id={`${id}-state`}>
          {value ? (
            <Typography.Text type="success" data-scan={value.key}>
              {t('files.attached', { name: value.name })}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary">{t('files.none')}</Typography.Text>
          )}
        </span>
        {value ? <Button size="small" type="text" icon={<CloseOutlined aria-hidden />} aria-label={t('files.remove', { name: value.name })} onClick={() => onChange?.(undefined)} /> : null}
      </Flex>
      {problem ? <Typography.Text type="danger" role="alert">{problem}</Typography.Text> : null}
    </Flex>
  );
}
