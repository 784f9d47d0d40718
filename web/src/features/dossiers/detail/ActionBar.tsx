import { useState } from 'react';
import { Alert, App, Button, Dropdown, Flex, Form, Modal, Skeleton, Typography } from 'antd';
import { DownOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../../shared/api';
import { useAuth } from '../../../shared/auth';
import { useLocale } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { isStaleVersion, useStaleVersionNotice } from '../../../shared/ui/staleVersion';
import { type Action, type DossierDetail, dossierKeys, useDossierAction } from '../api';
import { useDossierT } from '../i18n';
import { useUnits } from '../../org/api';
import { arrangeActions, permittedActions, resultExplanation } from './permissions';
import { ActionFields, type ActionValues, initialValues, NO_FIELDS, toActionInput } from './ActionFields';

const DANGER: readonly Action[] = ['refuse', 'stop', 'withdraw'];

/**
 * Buttons for the actions the dossier's status allows (the server's `allowedActions`) that this
 * user may take, each opening a form for its fields and sending the version the user saw; the
 * server still decides, and its refusal is shown as it is.
 */
export function ActionBar({ dossier }: { dossier: DossierDetail }) {
  const t = useDossierT();
  const { user } = useAuth();
  const [action, setAction] = useState<Action | null>(null);
  const units = useUnits();
  // Who may do what depends on the unit tree: wait for it rather than show buttons that then move.
  if (units.isPending) return <Skeleton.Button active block aria-busy />;
  const allowed = permittedActions(user, dossier, units.data);
  const why = resultExplanation(user, dossier, units.data, allowed);
  const step = dossier.resultStep;
  // Who records the result, said plainly where the button is not offered (issue 11 item 7).
  const note = why && step ? (
    <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }} data-testid="result-rule">
      {why === 'notApprover' ? t('result.notApprover') : t('result.onlyAt', { step: String(step.order), name: step.name, unit: step.unitName })}
    </Typography.Paragraph>
  ) : null;
  if (allowed.length === 0) return <><Typography.Text type="secondary">{t('detail.noActions')}</Typography.Text>{note}</>;
  const { primary, secondary } = arrangeActions(user, dossier, units.data, allowed);
  return (
    <>
      {note}
      <Flex gap={8} wrap>
        {primary.map((a, i) => (
          <Button key={a} type={i === 0 ? 'primary' : 'default'} onClick={() => setAction(a)}>
            {t(`action.${a}`)}
          </Button>
        ))}
        {secondary.length > 0 ? (
          <Dropdown
            trigger={['click']}
            menu={{
              items: secondary.map((a) => ({ key: a, label: t(`action.${a}`), danger: DANGER.includes(a) })),
              onClick: ({ key }) => setAction(key as Action),
            }}
          >
            <Button>
              {t('detail.moreActions')} <DownOutlined aria-hidden />
            </Button>
          </Dropdown>
        ) : null}
      </Flex>
      <ActionDialog key={action ?? 'none'} dossier={dossier} action={action} onClose={() => setAction(null)} />
    </>
  );
}

function ActionDialog({ dossier, action, onClose }: { dossier: DossierDetail; action: Action | null; onClose: () => void }) {
  const t = useDossierT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<ActionValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const act = useDossierAction(dossier.code);
  const client = useQueryClient();
  const staleNotice = useStaleVersionNotice();

  const run = async (values: ActionValues) => {
    if (!action) return;
    setProblem(null);
    try {
      await act.mutateAsync(toActionInput(action, values, dossier.version));
      void message.success(t('action.done', { action: t(`action.${action}`) }));
      onClose();
    } catch (error) {
      // Someone acted first: reload the dossier and let the user decide again (409 STALE_VERSION).
      if (isStaleVersion(error)) {
        onClose();
        staleNotice(() => client.invalidateQueries({ queryKey: dossierKeys.detail(dossier.code) }));
        return;
      }
      const unmatched = applyFieldErrors(form, error, locale);
      if (isApiError(error) && error.fields.length > 0) setProblem(unmatched.length ? unmatched.join(' ') : null);
      else setProblem(errorMessage(error, locale));
    }
  };

  const simple = action !== null && NO_FIELDS.includes(action);
  return (
    <Modal
      open={action !== null}
      title={action ? `${t(`action.${action}`)} — ${dossier.code}` : ''}
      okText={t('form.submit')}
      okButtonProps={{ loading: act.isPending, danger: action !== null && DANGER.includes(action) }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={simple ? 440 : 640}
    >
      <Form form={form} layout="vertical" initialValues={action ? initialValues(action, dossier) : {}} onFinish={(v) => void run(v)}>
        {action === 'take' ? <Typography.Paragraph>{t('action.takeConfirm', { code: dossier.code })}</Typography.Paragraph> : null}
        {action === 'receive' ? <Typography.Paragraph>{t('action.receiveConfirm', { code: dossier.code })}</Typography.Paragraph> : null}
        {action ? <ActionFields action={action} dossier={dossier} /> : null}
        {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 8 }} /> : null}
      </Form>
    </Modal>
  );
}
