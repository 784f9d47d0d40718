import { useEffect, useState } from 'react';
import { Alert, App, Button, Flex, Form, InputNumber, Modal, Select, Typography } from 'antd';
import { CopyOutlined, PrinterOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { MAX_INVITATIONS } from '../../../../../src/modules/par/labels';
import { errorMessage } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import { type FormsView, type Invitations, type SurveyForm, useInvite } from './api';
import { useSurveyT } from './messages';
import './survey.css';

/** QR codes drawn in the browser (the `qrcode` package): the codes never travel to another service. */
function useQrCodes(links: readonly string[]) {
  const [images, setImages] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    void Promise.all(links.map(async (link) => [link, await QRCode.toDataURL(link, { margin: 1, errorCorrectionLevel: 'M', scale: 4 })] as const))
      .then((pairs) => { if (live) setImages(Object.fromEntries(pairs)); });
    return () => { live = false; };
  }, [links]);
  return images;
}

/** Issues one-time codes for a unit and shows them once: links, QR codes, copy and print. */
export function InviteDialog({ view, form, onClose }: { view: FormsView; form: SurveyForm; onClose: () => void }) {
  const t = useSurveyT();
  const locale = useLocale();
  const { message } = App.useApp();
  const invite = useInvite(view.round.id);
  const [issued, setIssued] = useState<Invitations | null>(null);
  const links = issued?.invitations.map((i) => i.link) ?? [];
  const qr = useQrCodes(links);
  const units = view.units.filter((u) => form.blocks.includes(u.block));

  const copy = async () => {
    await navigator.clipboard.writeText(links.join('\n'));
    message.success(t('invite.copied', { n: links.length }));
  };

  return (
    <Modal
      open
      width={900}
      title={t('invite.title', { code: form.code })}
      onCancel={onClose}
      footer={<Button onClick={onClose}>{t('close')}</Button>}
    >
      <Form
        layout="inline"
        initialValues={{ count: 20 }}
        onFinish={(v: { unitId: number; count: number }) => invite.mutate({ formId: form.id, body: v }, { onSuccess: setIssued })}
        style={{ rowGap: 8 }}
      >
        <Form.Item name="unitId" label={t('invite.unit')} rules={[{ required: true, message: t('required') }]}>
          <Select style={{ minWidth: 280 }} placeholder={t('select')} options={units.map((u) => ({ value: u.id, label: u.name }))} showSearch optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="count" label={t('invite.count')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={1} max={MAX_INVITATIONS} precision={0} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={invite.isPending}>{t('invite.submit')}</Button>
      </Form>
      {invite.isError ? <Alert type="error" showIcon style={{ marginTop: 12 }} message={errorMessage(invite.error, locale)} /> : null}
      {issued ? (
        <div style={{ marginTop: 16 }}>
          <Alert type="warning" showIcon message={t('invite.issued', { n: issued.invitations.length, unit: issued.unitName })} description={t('invite.once')} />
          <Flex gap={8} style={{ margin: '12px 0' }} className="mc-survey-noprint">
            <Button icon={<CopyOutlined />} onClick={() => void copy()}>{t('invite.copy')}</Button>
            <Button icon={<PrinterOutlined />} onClick={() => window.print()}>{t('invite.print')}</Button>
          </Flex>
          <div className="mc-survey-cards">
            {issued.invitations.map((i) => (
              <div key={i.code} className="mc-survey-card">
                {qr[i.link] ? <img src={qr[i.link]} alt={t('invite.qrAlt', { code: i.code })} width={132} height={132} /> : <div style={{ width: 132, height: 132 }} />}
                <div>
                  <Typography.Text className="mc-survey-code" copyable={{ text: i.code }}>{i.code.replace(/(.{4})(?=.)/g, '$1-')}</Typography.Text>
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>{t('invite.card', { form: issued.formCode, unit: issued.unitName })}</Typography.Paragraph>
                  <Typography.Text style={{ wordBreak: 'break-all' }}>{i.link}</Typography.Text>
                </div>
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </Modal>
  );
}
