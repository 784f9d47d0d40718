import { App, Button, Card, Form, Skeleton } from 'antd';
import { errorMessage } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { UnitSelect } from '../FormFields';
import { useFeedbackSettings, useSaveFeedbackSettings } from '../api';
import { useFeedbackT } from '../i18n';

type Values = { receivingUnitId?: number; conductOversightUnitId?: number };

/** The province's feedback settings: the unit that receives feedback sent to no one in particular, and the conduct overseer. */
export function SettingsCard() {
  const t = useFeedbackT();
  const locale = useLocale();
  const { message } = App.useApp();
  const settings = useFeedbackSettings();
  const save = useSaveFeedbackSettings();
  const [form] = Form.useForm<Values>();
  if (settings.isPending) return <Card size="small"><Skeleton active /></Card>;
  if (settings.isError) return <ErrorResult variant="inline" error={settings.error} onRetry={() => void settings.refetch()} />;
  const submit = async (v: Values) => {
    try {
      await save.mutateAsync({ receivingUnitId: v.receivingUnitId ?? null, conductOversightUnitId: v.conductOversightUnitId ?? null });
      void message.success(t('settings.saved'));
    } catch (error) {
      if (!applyFieldErrors(form, error, locale).length) void message.error(errorMessage(error, locale));
    }
  };
  return (
    <Card size="small" title={t('settings.title')} style={{ marginBottom: 16 }}>
      <Form<Values> form={form} layout="vertical" requiredMark={false} style={{ maxWidth: 640 }} onFinish={(v) => void submit(v)}
        initialValues={{ receivingUnitId: settings.data.receivingUnitId ?? undefined, conductOversightUnitId: settings.data.conductOversightUnitId ?? undefined }}>
        <Form.Item name="receivingUnitId" label={t('settings.receiving')} extra={t('settings.receivingHint')}>
          <UnitSelect />
        </Form.Item>
        <Form.Item name="conductOversightUnitId" label={t('settings.oversight')} extra={t('settings.oversightHint')}>
          <UnitSelect />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>{t('settings.save')}</Button>
      </Form>
    </Card>
  );
}
