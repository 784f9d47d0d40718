import { useState } from 'react';
import { Alert, App, Form, Input, InputNumber, Modal } from 'antd';
import { errorMessage } from '../../../shared/api';
import { useLocale, useT } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { isStaleVersion } from '../../../shared/ui/staleVersion';
import { type OrgUnit, type Position, useSavePosition } from '../api';
import { useOrgT } from '../i18n';
import { UnitSelect } from '../UnitSelect';

interface Values {
  unitId?: string;
  code: string;
  name: string;
  grade?: string;
  quota: number;
}

interface Props {
  open: boolean;
  position: Position | null;
  units: readonly OrgUnit[];
  defaultUnitId?: string;
  onClose: () => void;
  onStale: () => void;
}

export function PositionModal({ open, position, units, defaultUnitId, onClose, onStale }: Props) {
  const t = useOrgT();
  const ts = useT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSavePosition();
  const [banner, setBanner] = useState<string | null>(null);

  const onFinish = async (values: Values) => {
    setBanner(null);
    const input = {
      unitId: values.unitId as string,
      code: values.code.trim(),
      name: values.name.trim(),
      grade: values.grade?.trim() || null,
      quota: values.quota,
    };
    try {
      await save.mutateAsync(position ? { id: position.id, version: position.version, input } : { input });
      message.success(t('positions.saved', { name: input.name }));
      onClose();
    } catch (error) {
      if (isStaleVersion(error)) return onStale();
      const unmatched = applyFieldErrors(form, error, locale);
      setBanner(unmatched[0] ?? errorMessage(error, locale));
    }
  };

  return (
    <Modal
      open={open}
      title={t(position ? 'positions.edit' : 'positions.new')}
      okText={ts('action.save')}
      cancelText={ts('action.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: save.isPending }}
      onCancel={onClose}
      destroyOnHidden
    >
      {banner ? <Alert type="error" showIcon role="alert" title={banner} style={{ marginBottom: 16 }} /> : null}
      <Form<Values>
        form={form}
        name="position"
        layout="vertical"
        onFinish={onFinish}
        initialValues={
          position
            ? {
                unitId: String(position.unitId),
                code: position.code,
                name: position.name,
                grade: position.grade ?? undefined,
                quota: position.quota,
              }
            : { unitId: defaultUnitId, quota: 1 }
        }
      >
        <Form.Item name="unitId" label={t('positions.unit')} rules={[{ required: true }]}>
          <UnitSelect units={units} />
        </Form.Item>
        <Form.Item name="code" label={t('positions.code')} rules={[{ required: true, whitespace: true, max: 50 }]}>
          <Input data-testid="position-code" />
        </Form.Item>
        <Form.Item name="name" label={t('positions.name')} rules={[{ required: true, whitespace: true, max: 255 }]}>
          <Input data-testid="position-name" />
        </Form.Item>
        <Form.Item name="grade" label={t('positions.grade')}>
          <Input data-testid="position-grade" />
        </Form.Item>
        <Form.Item name="quota" label={t('positions.quota')} rules={[{ required: true, type: 'integer', min: 0 }]}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="position-quota" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
