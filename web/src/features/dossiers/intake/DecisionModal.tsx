import { Form, Modal, Typography } from 'antd';
import { useDossierT } from '../i18n';
import { ReasonsField, SupplementItemsField, type SupplementItemValue } from '../ListFields';

export type DecisionValues = { items?: SupplementItemValue[]; reasons?: string[] };

interface Props {
  kind: 'supplement' | 'refuse' | null;
  /** Pre-filled rows: the documents still missing from the checklist. */
  missing: string[];
  submitting: boolean;
  onCancel: () => void;
  onSubmit: (values: DecisionValues) => void;
}

/** Guide to supplement (form 02: items, reasons, legal basis) or refuse (form 03: reasons). */
export function DecisionModal({ kind, missing, submitting, onCancel, onSubmit }: Props) {
  const t = useDossierT();
  const [form] = Form.useForm<DecisionValues>();
  const initial: DecisionValues =
    kind === 'supplement'
      ? { items: missing.length ? missing.map((name) => ({ name, reason: t('intake.missingReason') })) : [{ name: '', reason: '' }] }
      : { reasons: [''] };
  const title = kind === 'refuse' ? t('intake.refuseTitle') : t('intake.guideTitle');
  return (
    <Modal
      open={kind !== null}
      title={title}
      okText={kind === 'refuse' ? t('intake.refuse') : t('intake.guide')}
      okButtonProps={{ danger: kind === 'refuse', loading: submitting }}
      onOk={() => form.submit()}
      onCancel={onCancel}
      destroyOnHidden
      width={640}
    >
      <Form key={kind ?? 'closed'} form={form} layout="vertical" initialValues={initial} onFinish={onSubmit}>
        {kind === 'supplement' ? (
          <>
            <Typography.Paragraph type="secondary">{t('form.supplementHint')}</Typography.Paragraph>
            <SupplementItemsField name="items" />
          </>
        ) : (
          <ReasonsField name="reasons" />
        )}
      </Form>
    </Modal>
  );
}
