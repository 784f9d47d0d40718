import { useRef, useState } from 'react';
import { Alert, App, Form, Modal, Typography } from 'antd';
import { errorMessage, isApiError } from '../../../shared/api';
import { useLocale, useT } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { useDocumentAction } from '../api';
import { useActionLabel, useRegistryT } from '../i18n';
import type { DocumentDetail } from '../types';
import { ActionFields, type ActionValues, DANGER_ACTIONS, bodyOf } from './actionFields';

/**
 * One action on a document, sent with the version the user read. Someone else acting first answers
 * 409 VERSION_CONFLICT: the dialog closes, says so in the server's words and the page reads the
 * document again. Any other refusal is said in the form, field by field where the server names fields.
 */
export function ActionDialog({ doc, action, onClose, reload }: { doc: DocumentDetail; action: string | null; onClose: () => void; reload: () => unknown }) {
  const t = useRegistryT();
  const ts = useT();
  const label = useActionLabel();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const act = useDocumentAction(doc.direction, doc.id);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);
  const run = async (values: ActionValues, confirmDuplicate = false) => {
    if (!action || busy.current) return;
    busy.current = true;
    setProblem(null);
    try {
      await act.mutateAsync(bodyOf(action, doc, values, confirmDuplicate));
      void message.success(t('act.done', { action: label(action, doc.direction) }));
      onClose();
    } catch (error) {
      if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
        onClose();
        modal.warning({ title: ts('error.staleTitle'), content: errorMessage(error, locale), okText: ts('action.reload') });
        void reload();
        return;
      }
      if (isApiError(error) && error.code === 'DUPLICATE_DOCUMENT') {
        // Appendix VI duplicate warning: the clerk confirms and registers this copy anyway, or stops.
        modal.confirm({ title: t('reg.duplicateTitle'), content: errorMessage(error, locale), okText: t('reg.duplicateOk'), cancelText: ts('action.cancel'), onOk: () => run(values, true) });
        return;
      }
      if (isApiError(error) && error.status === 409) void reload();
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length > 0 ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    } finally {
      busy.current = false;
    }
  };
  const initial: ActionValues = {
    approverStaffId: doc.approver?.id, signerTitle: doc.signerTitle ?? '', signingPrefix: doc.signingPrefix ?? '',
    leadKind: 'staff', deadlineKind: 'days', dueInWorkingDays: 10,
  };
  return (
    <Modal
      open={action !== null}
      title={action ? label(action, doc.direction) : ''}
      okText={action ? label(action, doc.direction) : ''}
      okButtonProps={{ loading: act.isPending, danger: action ? DANGER_ACTIONS.includes(action) : false, 'data-testid': 'registry-action-ok' }}
      cancelText={ts('action.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>{doc.symbol ? `${doc.symbol} — ` : ''}{doc.subject}</Typography.Paragraph>
      <Form<ActionValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void run(v)}>
        {action ? <ActionFields action={action} doc={doc} /> : null}
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}
