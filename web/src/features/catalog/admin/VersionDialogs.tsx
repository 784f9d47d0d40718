import { App, Form, Input, Modal, Select, Typography } from 'antd';
import { errorMessage, isApiError } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { useVersionAction, type VersionView } from '../api';
import { DateItem } from './ListEditor';
import { useCatalogT } from '../i18n';

type DecisionForm = { number: string; date: string; signer: string; title?: string };

/**
 * Publication (draft → published, by a decision, from a date) and closing (published → amended,
 * replaced or abolished, to a last day). The server applies the state machine; these only ask.
 */
export function VersionActionDialog({ version, mode, onClose }: { version: VersionView; mode: 'publish' | 'close'; onClose: () => void }) {
  const t = useCatalogT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ decision: DecisionForm; effectiveFrom?: string; effectiveTo?: string; action?: 'amend' | 'replace' | 'abolish'; replacedByCode?: string }>();
  const act = useVersionAction();
  const action = Form.useWatch('action', form);
  const required = [{ required: true, message: t('required') }];

  const submit = async () => {
    const v = await form.validateFields();
    const decision = { number: v.decision.number, date: v.decision.date, signer: v.decision.signer, ...(v.decision.title ? { title: v.decision.title } : {}) };
    const input = mode === 'publish'
      ? { action: 'publish' as const, decision, effectiveFrom: v.effectiveFrom!, revision: version.revision }
      : { action: v.action ?? 'amend', decision, effectiveTo: v.effectiveTo!, revision: version.revision, ...(v.replacedByCode ? { replacedByCode: v.replacedByCode } : {}) };
    try {
      await act.mutateAsync({ code: version.code, n: version.number, input });
      message.success(t(mode === 'publish' ? 'admin.published' : 'admin.closed', { n: version.number }));
      onClose();
    } catch (error) {
      const unmatched = applyFieldErrors(form, error, locale);
      if (!isApiError(error) || !error.fields.length || unmatched.length) message.error(unmatched[0] ?? errorMessage(error, locale));
    }
  };

  return (
    <Modal open title={t(mode === 'publish' ? 'publish.title' : 'close.title', { n: version.number })} okText={t(mode === 'publish' ? 'publish.ok' : 'close.ok')}
      onOk={() => void submit()} onCancel={onClose} confirmLoading={act.isPending} destroyOnHidden>
      {mode === 'publish' ? <Typography.Paragraph type="secondary">{t('publish.intro')}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" initialValues={{ action: 'amend' }}>
        {mode === 'close' ? (
          <Form.Item name="action" label={t('close.action')} rules={required}>
            <Select options={(['amend', 'replace', 'abolish'] as const).map((a) => ({ value: a, label: t(`close.${a}`) }))} />
          </Form.Item>
        ) : null}
        <Form.Item name={['decision', 'number']} label={t('publish.number')} rules={required}><Input placeholder="123/QĐ-UBND" /></Form.Item>
        <DateItem name={['decision', 'date']} label={t('publish.date')} required />
        <Form.Item name={['decision', 'signer']} label={t('publish.signer')} rules={required}><Input /></Form.Item>
        <Form.Item name={['decision', 'title']} label={t('publish.docTitle')}><Input /></Form.Item>
        {mode === 'publish' ? (
          <DateItem name="effectiveFrom" label={t('publish.effectiveFrom')} required />
        ) : (
          <>
            <DateItem name="effectiveTo" label={t('close.effectiveTo')} required />
            {action === 'replace' ? <Form.Item name="replacedByCode" label={t('close.replacedBy')}><Input placeholder="1.000948" /></Form.Item> : null}
          </>
        )}
      </Form>
    </Modal>
  );
}
