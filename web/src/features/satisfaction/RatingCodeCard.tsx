import { useState } from 'react';
import { Alert, Button, Flex, Form, Input, Popconfirm, Select, Typography } from 'antd';
import { QrcodeOutlined, ReloadOutlined } from '@ant-design/icons';
import { CHANNEL_LABELS, RATING_LABELS, RATING_LEVELS, type RatingLevel } from '../../../../src/modules/satisfaction/schema';
import { errorMessage } from '../../shared/api';
import { useLocale } from '../../shared/i18n';
import { type IssuedCode, type PaperRating, useIssueCode, usePaperRating } from './api';
import { useSatisfactionT } from './messages';
import './satisfaction.css';

/**
 * On the staff dossier page: the kiosk code shown on screen for the citizen at the desk (issued
 * again on demand, the old one then stops working), and a paper slip typed in.
 */
export function RatingCodeCard({ dossierCode }: { dossierCode: string }) {
  const t = useSatisfactionT();
  const locale = useLocale();
  const issue = useIssueCode(dossierCode);
  const paper = usePaperRating(dossierCode);
  const [saved, setSaved] = useState<PaperRating | null>(null);
  const [paperOpen, setPaperOpen] = useState(false);
  const [form] = Form.useForm<{ level: RatingLevel; comment?: string }>();
  // The last code shown stays on screen while a new one is being issued.
  const [shown, setShown] = useState<IssuedCode | null>(null);
  const busy = issue.isPending ? (issue.variables ? 'renew' : 'show') : null;
  const show = (renew: boolean) => issue.mutate(renew, { onSuccess: setShown });

  if (saved) {
    return <Alert type="success" showIcon title={t('code.rated', { level: saved.label[locale], channel: CHANNEL_LABELS[saved.channel][locale] })} />;
  }
  return (
    <Flex vertical gap={8} align="flex-start">
      <Flex gap={8} wrap>
        <Button icon={<QrcodeOutlined aria-hidden />} onClick={() => show(false)} loading={busy === 'show'} data-testid="show-rating-code">
          {t('code.show')}
        </Button>
        {shown ? (
          <Popconfirm title={t('code.renewConfirm')} onConfirm={() => show(true)}>
            <Button icon={<ReloadOutlined aria-hidden />} loading={busy === 'renew'}>{t('code.renew')}</Button>
          </Popconfirm>
        ) : null}
      </Flex>
      {shown ? (
        <div aria-live="polite">
          <Typography.Text strong className="mc-rating-code" data-testid="rating-code">{shown.code}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('code.shown', { url: shown.kioskUrl })} {shown.expiresOn ? t('code.expires', { date: shown.expiresOn }) : null}
          </Typography.Paragraph>
        </div>
      ) : null}
      {issue.isError ? <Alert type="warning" showIcon title={errorMessage(issue.error, locale)} /> : null}
      {paperOpen ? (
        <Form form={form} layout="vertical" style={{ width: '100%' }} onFinish={(v) => paper.mutate({ level: v.level, comment: v.comment?.trim() || null }, { onSuccess: setSaved })}>
          <Form.Item name="level" label={t('paper.level')} rules={[{ required: true, message: t('kiosk.chooseLevel') }]}>
            <Select options={RATING_LEVELS.map((l) => ({ value: l, label: RATING_LABELS[l][locale] }))} />
          </Form.Item>
          <Form.Item name="comment" label={t('paper.comment')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          {paper.isError ? <Alert type="error" showIcon style={{ marginBottom: 8 }} title={errorMessage(paper.error, locale)} /> : null}
          <Button type="primary" htmlType="submit" loading={paper.isPending}>{t('paper.save')}</Button>
        </Form>
      ) : (
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => setPaperOpen(true)}>{t('paper.title')}</Button>
      )}
    </Flex>
  );
}
