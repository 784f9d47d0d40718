import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useUnitPositions } from '../api-schemes';
import { MOVEMENT_KINDS, type MovementKind, type Person, useRecordMovement } from '../api-people';
import { usePeopleT } from '../i18n';
import { DateField, Problem, UnitSelect, useSend } from '../ui';

interface Values { kind: MovementKind; on: string; until?: string; toUnitId?: number; positionCode?: string; decisionNo: string; decisionDate: string; signer?: string; note?: string }

/**
 * HR records a movement with its decision: an appointment to a position of the unit's scheme in force, a
 * secondment (to a unit, until a day), a transfer to another unit, retirement or leaving. The last two end
 * the person's placement and disable their account on that day, so the dialog says so before sending.
 */
export function MovementDialog({ person, onClose, reload }: { person: Person; onClose: () => void; reload: () => unknown }) {
  const t = usePeopleT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'appointment';
  const on = Form.useWatch('on', form) as string | undefined;
  const positions = useUnitPositions(kind === 'appointment' ? person.unitId : null, on ?? null);
  const record = useRecordMovement(person.id);
  const send = useSend(form, () => { onClose(); return reload(); });
  const required = t('required');
  const ends = kind === 'leaving' || kind === 'retirement';

  const finish = async (v: Values) => {
    const body = {
      version: person.version, kind: v.kind, on: v.on, decisionNo: v.decisionNo.trim(), decisionDate: v.decisionDate,
      signer: v.signer?.trim() ?? '', note: v.note?.trim() ?? '',
      ...(v.kind === 'secondment' ? { until: v.until } : {}),
      ...(v.kind === 'secondment' || v.kind === 'transfer' ? { toUnitId: v.toUnitId } : {}),
      ...(v.kind === 'appointment' ? { positionCode: v.positionCode } : {}),
    };
    let disabled = false;
    if (await send.run(async () => { disabled = (await record.mutateAsync(body)).accountDisabled; })) {
      void message.success(disabled ? t('move.doneDisabled') : t('move.done'));
      onClose();
    }
  };

  return (
    <Modal open width={640} title={t('move.title', { name: person.fullName })} okText={t('move.ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: send.pending, danger: ends }} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={{ kind: 'appointment' }} onFinish={(v) => void finish(v)}>
        <Form.Item name="kind" label={t('move.kind')} rules={[{ required: true, message: required }]}>
          <Select options={MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} aria-label={t('move.kind')} />
        </Form.Item>
        {ends ? <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title={t('move.endsTitle')} description={t('move.endsWarning', { name: person.fullName })} /> : null}
        <DateField name="on" label={t(ends ? 'move.onEnds' : 'move.on')} required={required} />
        {kind === 'secondment' ? <DateField name="until" label={t('move.until')} required={required} extra={t('move.untilHint')} /> : null}
        {kind === 'secondment' || kind === 'transfer' ? (
          <Form.Item name="toUnitId" label={t('move.toUnit')} rules={[{ required: true, message: required }]}>
            <UnitSelect ariaLabel={t('move.toUnit')} />
          </Form.Item>
        ) : null}
        {kind === 'appointment' ? (
          <Form.Item name="positionCode" label={t('move.position')} rules={[{ required: true, message: required }]}
            extra={positions.data && positions.data.schemeId === null ? t('move.noScheme', { unit: person.unitName }) : t('move.positionHint', { unit: person.unitName })}>
            <Select aria-label={t('move.position')} loading={positions.isLoading} popupMatchSelectWidth={false}
              options={(positions.data?.rows ?? []).map((p) => ({ value: p.code, label: t('move.positionOption', { code: p.code, name: p.name, vacant: p.vacant }) }))} />
          </Form.Item>
        ) : null}
        <Form.Item name="decisionNo" label={t('move.decisionNo')} rules={[{ required: true, whitespace: true, message: required }]}><Input maxLength={60} /></Form.Item>
        <DateField name="decisionDate" label={t('move.decisionDate')} required={required} />
        <Form.Item name="signer" label={t('move.signer')}><Input maxLength={200} /></Form.Item>
        <Form.Item name="note" label={t('move.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Problem text={send.problem} />
      </Form>
    </Modal>
  );
}
