import { App, Button, Checkbox, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { COMPLEXITIES, KINDS, OUTCOMES, type CaseActionBody, type CaseActionName, type CaseDetail, type CaseKind, type Complexity, type Outcome, useCaseAction } from '../api-cases';
import { useCasesT, useInspectionT } from '../i18n';
import { todayInVietnam } from '../paths';
import { StaffPicker } from '../StaffPicker';
import { DateField, Problem, useSend } from '../ui';

type Props = { action: CaseActionName; detail: CaseDetail; onClose: () => void; reload: () => unknown };

interface Values {
  kind?: CaseKind; complexity?: Complexity; remoteArea?: boolean; severalPlaces?: boolean; reason?: string;
  on?: string; note?: string; days?: number; decisionNo?: string; decidedOn?: string;
  outcome?: Outcome; conclusion?: string; decisionDate?: string;
  members?: { staffId?: number | null; role: 'lead' | 'member' }[];
}

/** The body of each action from the dialog's values, under the version the page read. */
function bodyOf(action: CaseActionName, v: Values, d: CaseDetail): CaseActionBody {
  const version = d.version;
  switch (action) {
    case 'classify': return {
      action, version, ...(d.status === 'received' ? { kind: v.kind } : {}), complexity: v.complexity, reason: v.reason?.trim() ?? '',
      ...((v.kind ?? d.kind) === 'denunciation' ? { severalPlaces: !!v.severalPlaces } : { remoteArea: !!v.remoteArea }),
    };
    case 'accept': return { action, version, on: v.on! };
    case 'refuse': return { action, version, on: v.on!, reason: v.reason?.trim() ?? '' };
    case 'start_verification': return { action, version, note: v.note?.trim() ?? '' };
    case 'extend': return { action, version, days: v.days!, decisionNo: v.decisionNo?.trim() ?? '', decidedOn: v.decidedOn! };
    case 'conclude': return { action, version, outcome: v.outcome!, conclusion: v.conclusion?.trim() ?? '', decisionNo: v.decisionNo?.trim() ?? '', decisionDate: v.decisionDate! };
    case 'publish': return { action, version, on: v.on! };
    case 'set_team': return { action, version, members: (v.members ?? []).filter((m) => m.staffId).map((m) => ({ staffId: m.staffId!, role: m.role })) };
  }
}

/**
 * One action on a case as a small form. The server decides (state, permission, dates, the extension rule);
 * its field errors land under the fields, a stale version closes the dialog and reloads the case.
 */
export function CaseActionDialog({ action, detail, onClose, reload }: Props) {
  const t = useCasesT();
  const ti = useInspectionT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const act = useCaseAction(detail.id);
  const send = useSend(form, reload, onClose);
  const required = ti('required');
  const rule = [{ required: true, message: required }];
  const text = [{ required: true, whitespace: true, message: required }];
  const kind = Form.useWatch('kind', form) ?? detail.kind;
  const today = todayInVietnam();
  const initial: Values = {
    kind: detail.kind, complexity: detail.complexity, remoteArea: detail.remoteArea, severalPlaces: detail.severalPlaces,
    on: today, decidedOn: today, decisionDate: today, days: 30,
    members: detail.team.length ? detail.team.map((m) => ({ staffId: m.staffId, role: m.role })) : [{ staffId: null, role: 'lead' }],
  };
  const known = Object.fromEntries(detail.team.map((m) => [m.staffId, m.fullName]));

  const finish = async (v: Values) => {
    if (await send.run(() => act.mutateAsync(bodyOf(action, v, detail)))) {
      void message.success(t('act.done', { what: t(`act.${action}`) }));
      onClose();
    }
  };

  return (
    <Modal open width={action === 'set_team' || action === 'conclude' ? 720 : 560} title={`${t(`act.${action}`)} — ${t('case.title', { id: detail.id })}`}
      okText={t('act.ok')} cancelText={ti('cancel')} onOk={() => form.submit()} onCancel={onClose} okButtonProps={{ loading: send.pending, danger: action === 'refuse' }} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void finish(v)}>
        {action === 'classify' ? (
          <>
            {detail.status === 'received' ? (
              <Form.Item name="kind" label={t('dlg.kind')} rules={rule}>
                <Select aria-label={t('dlg.kind')} options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
              </Form.Item>
            ) : null}
            <Form.Item name="complexity" label={t('dlg.complexity')} rules={rule}>
              <Select aria-label={t('dlg.complexity')} options={COMPLEXITIES.map((c) => ({ value: c, label: t(`complexity.${c}`) }))} />
            </Form.Item>
            {kind === 'denunciation'
              ? <Form.Item name="severalPlaces" valuePropName="checked"><Checkbox>{t('dlg.several')}</Checkbox></Form.Item>
              : <Form.Item name="remoteArea" valuePropName="checked"><Checkbox>{t('dlg.remote')}</Checkbox></Form.Item>}
            <Form.Item name="reason" label={t('dlg.reason')} extra={t('dlg.reasonHint')}
              rules={kind === 'not_eligible' ? [{ required: true, whitespace: true, min: 3, message: required }] : undefined}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
          </>
        ) : null}
        {action === 'accept' ? <DateField name="on" label={t('dlg.acceptOn')} required={required} /> : null}
        {action === 'refuse' ? (
          <>
            <DateField name="on" label={t('dlg.refuseOn')} required={required} />
            <Form.Item name="reason" label={t('dlg.refuseReason')} rules={text}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
          </>
        ) : null}
        {action === 'start_verification' ? (
          <Form.Item name="note" label={t('dlg.plan')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
        ) : null}
        {action === 'extend' ? (
          <>
            <Typography.Paragraph type="secondary">{t('dlg.extendHint')}</Typography.Paragraph>
            <Form.Item name="days" label={t('dlg.days')} rules={rule}>
              <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} aria-label={t('dlg.days')} />
            </Form.Item>
            <Form.Item name="decisionNo" label={t('dlg.decisionNo')} rules={text}><Input maxLength={60} /></Form.Item>
            <DateField name="decidedOn" label={t('dlg.decidedOn')} required={required} />
          </>
        ) : null}
        {action === 'conclude' ? (
          <>
            <Form.Item name="outcome" label={t('dlg.outcome')} rules={rule}>
              <Select aria-label={t('dlg.outcome')} options={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))} />
            </Form.Item>
            <Form.Item name="conclusion" label={t('dlg.conclusion')} rules={text}><Input.TextArea rows={5} maxLength={8000} showCount /></Form.Item>
            <div className="mc-insp-form-grid">
              <Form.Item name="decisionNo" label={t('dlg.docNo')} rules={text}><Input maxLength={60} /></Form.Item>
              <DateField name="decisionDate" label={t('dlg.docDate')} required={required} />
            </div>
          </>
        ) : null}
        {action === 'publish' ? <DateField name="on" label={t('dlg.publishOn')} required={required} /> : null}
        {action === 'set_team' ? (
          <>
            <Typography.Paragraph type="secondary">{t('dlg.teamHint')}</Typography.Paragraph>
            <Form.List name="members">
              {(fields, { add, remove }, { errors }) => (
                <>
                  {fields.map((field, i) => (
                    <Flex key={field.key} gap={8} align="flex-start" wrap>
                      <Form.Item name={[field.name, 'staffId']} rules={rule} style={{ flex: '1 1 260px', marginBottom: 8 }}>
                        <StaffPicker ariaLabel={t('dlg.member', { n: i + 1 })} unitId={detail.handlingUnitId} known={known} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'role']} rules={rule} style={{ width: 150, marginBottom: 8 }}>
                        <Select aria-label={t('dlg.role', { n: i + 1 })} options={(['lead', 'member'] as const).map((r) => ({ value: r, label: t(`team.${r}`) }))} />
                      </Form.Item>
                      <Button type="text" icon={<MinusCircleOutlined aria-hidden />} aria-label={t('dlg.remove', { n: i + 1 })} title={t('dlg.remove', { n: i + 1 })}
                        onClick={() => remove(field.name)} disabled={fields.length === 1} />
                    </Flex>
                  ))}
                  <Form.ErrorList errors={errors} />
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ staffId: null, role: 'member' })} style={{ marginBottom: 12 }}>{t('dlg.addMember')}</Button>
                </>
              )}
            </Form.List>
          </>
        ) : null}
        <Problem text={send.problem} />
      </Form>
    </Modal>
  );
}
