import { Alert, App, Button, Card, Descriptions, Form, Input, Space } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, errorMessage } from '../../shared/api';
import { CITIZEN_QUERY_KEY, RequireCitizen, useCitizen, type CitizenProfile } from '../../shared/citizen';
import { formatDate } from '../../shared/format';
import { PageHeader } from '../../shared/ui/PageHeader';
import { applyFieldErrors } from '../../shared/ui/formErrors';
import { isStaleVersion, useStaleVersionNotice } from '../../shared/ui/staleVersion';
import { useCitizenPageT } from './messages';

export default function AccountPage() {
  return (
    <RequireCitizen>
      <Account />
    </RequireCitizen>
  );
}

type ContactForm = { phone: string; email: string; address: string };

/**
 * The citizen's account: what the e-ID vouches for (read-only) and the contact details they may
 * correct. Laid out in one column, so it reads on a 360-px phone.
 */
function Account() {
  const t = useCitizenPageT();
  const citizen = useCitizen();
  const me = citizen.data as CitizenProfile;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const staleNotice = useStaleVersionNotice();
  const [form] = Form.useForm<ContactForm>();
  const [banner, setBanner] = useState<string | null>(null);

  useEffect(() => {
    form.setFieldsValue({ phone: me.phone ?? '', email: me.email ?? '', address: me.address ?? '' });
  }, [form, me.phone, me.email, me.address, me.version]);

  const save = useMutation({
    mutationFn: (v: ContactForm) => api.patch<CitizenProfile>('/citizen/me', { version: me.version, phone: v.phone || null, email: v.email || null, address: v.address || null }),
    onSuccess: (updated) => {
      queryClient.setQueryData(CITIZEN_QUERY_KEY, updated);
      setBanner(null);
      void message.success(t('account.saved'));
    },
    onError: (error) => {
      if (isStaleVersion(error)) {
        staleNotice(() => citizen.refetch());
        return;
      }
      const unmatched = applyFieldErrors(form, error);
      setBanner(unmatched.length ? unmatched.join(' ') : errorMessage(error));
    },
  });

  const none = t('account.none');
  return (
    <div className="mc-container" style={{ maxWidth: 760, paddingBlock: 16 }}>
      <PageHeader title={t('account.title')} subtitle={t('account.subtitle')} />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card title={<h2 style={{ fontSize: 17, margin: 0 }}>{t('account.eid')}</h2>}>
          <Descriptions column={1} size="small" colon={false} labelStyle={{ minWidth: 120 }}>
            <Descriptions.Item label={t('account.fullName')}>{me.fullName}</Descriptions.Item>
            <Descriptions.Item label={t('account.idNumber')}>{me.idNumber ?? none}</Descriptions.Item>
            <Descriptions.Item label={t('account.birthDate')}>{me.birthDate ? formatDate(me.birthDate) : none}</Descriptions.Item>
            <Descriptions.Item label={t('account.issuer')}><span style={{ wordBreak: 'break-all' }}>{me.issuer}</span></Descriptions.Item>
          </Descriptions>
          <Alert type="info" showIcon message={t('account.eidNote')} style={{ marginTop: 12 }} />
        </Card>
        <Card title={<h2 style={{ fontSize: 17, margin: 0 }}>{t('account.contact')}</h2>}>
          <p>{t('account.contactNote')}</p>
          {banner ? <Alert type="error" showIcon role="alert" message={banner} style={{ marginBottom: 12 }} /> : null}
          <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)} requiredMark={false}>
            <Form.Item name="phone" label={t('account.phone')}>
              <Input inputMode="tel" autoComplete="tel" maxLength={20} />
            </Form.Item>
            <Form.Item name="email" label={t('account.email')}>
              <Input type="email" autoComplete="email" maxLength={254} />
            </Form.Item>
            <Form.Item name="address" label={t('account.address')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} autoComplete="street-address" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>{t('account.save')}</Button>
          </Form>
        </Card>
      </Space>
    </div>
  );
}
