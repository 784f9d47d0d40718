import { useEffect, useState } from 'react';
import { Alert, App, Button, Drawer, Flex, Form, Grid, Input, Tag, Typography } from 'antd';
import { errorMessage, isApiError } from '../../shared/api';
import { useLocale, useT } from '../../shared/i18n';
import { applyFieldErrors } from '../../shared/ui/formErrors';
import { isStaleVersion, useStaleVersionNotice } from '../../shared/ui/staleVersion';
import { type MessageTemplate, useSaveTemplate, useTemplates } from './api';
import { useOutboxT } from './messages';

interface Values {
  subject: string;
  body: string;
  sms?: string;
}

/** Edits one template's texts; the server checks the {{variables}} and the version read. */
export function TemplateDrawer({ template, onClose }: { template: MessageTemplate | null; onClose: () => void }) {
  const t = useOutboxT();
  const ts = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<Values>();
  const save = useSaveTemplate();
  const [banner, setBanner] = useState<string | null>(null);
  const staleNotice = useStaleVersionNotice();
  const templates = useTemplates(template !== null);

  useEffect(() => {
    if (!template) return;
    form.setFieldsValue({ subject: template.subject, body: template.body, sms: template.sms ?? '' });
    setBanner(null);
  }, [template, form]);

  const submit = (values: Values) => {
    if (!template) return;
    setBanner(null);
    const input = { subject: values.subject, body: values.body, sms: template.sms === null ? null : values.sms?.trim() || null, version: template.version };
    save.mutate(
      { key: template.key, input },
      {
        onSuccess: () => {
          message.success(t('tpl.saved'));
          onClose();
        },
        onError: (error) => {
          if (isStaleVersion(error)) {
            // Someone saved it first: reload the list and let the user start from their text.
            onClose();
            staleNotice(() => templates.refetch());
            return;
          }
          const unmatched = applyFieldErrors(form, error, locale);
          const marked = isApiError(error) && error.fields.length > 0;
          setBanner(unmatched.length ? unmatched.join(' ') : marked ? ts('error.validation') : errorMessage(error, locale));
        },
      },
    );
  };

  return (
    <Drawer
      open={template !== null}
      onClose={onClose}
      size={screens.md ? 720 : '100%'}
      title={template ? t('tpl.editTitle', { key: template.key }) : ''}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{ts('action.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {ts('action.save')}
          </Button>
        </Flex>
      }
    >
      {template ? (
        <>
          <Typography.Paragraph type="secondary">{template.description}</Typography.Paragraph>
          <Typography.Paragraph>
            {t('tpl.variables')}{' '}
            {template.variables.map((v) => (
              <Tag key={v} style={{ fontFamily: 'monospace' }}>{`{{${v}}}`}</Tag>
            ))}
          </Typography.Paragraph>
          {banner ? <Alert type="error" showIcon title={banner} role="alert" style={{ marginBottom: 16 }} /> : null}
          <Form<Values> form={form} name="message-template" layout="vertical" onFinish={submit} onValuesChange={() => setBanner(null)}>
            <Form.Item name="subject" label={t('tpl.subject')} rules={[{ required: true, min: 3 }]}>
              <Input maxLength={300} />
            </Form.Item>
            <Form.Item name="body" label={t('tpl.body')} rules={[{ required: true, min: 10 }]}>
              <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={10_000} />
            </Form.Item>
            {template.sms !== null ? (
              <Form.Item name="sms" label={t('tpl.sms')}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={640} showCount />
              </Form.Item>
            ) : null}
          </Form>
        </>
      ) : null}
    </Drawer>
  );
}
