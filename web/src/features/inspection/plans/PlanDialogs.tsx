import { type ReactNode, useRef } from 'react';
import { Alert, App, Form, type FormInstance, Input, InputNumber, Modal, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useAuth } from '../../../shared/auth';
import { StaffPicker } from '../StaffPicker';
import { todayInVietnam } from '../paths';
import { DateField, Problem, useSend } from '../ui';
import { type PlanActionBody, type PlanDetail, type PlanItem, useCreatePlan, usePlanAction } from './api-plans';
import { TopicSelect } from './fields';
import { usePlansT } from './i18n';
import { PLAN_MANAGE_ROLES, planPath } from './paths';
import { UnitChoice, useCovers, useGrantUnit } from './units';

type Body = PlanActionBody extends infer B ? (B extends { version: number } ? Omit<B, 'version'> : never) : never;
type Props = { plan: PlanDetail; onClose: () => void; reload: () => unknown };

/**
 * The frame of every change to a plan: a modal form sent under the version the page read. The server
 * decides (state, permission, the year, the reason an amendment needs); its field errors land under the
 * fields, a stale version closes the dialog and reloads the plan.
 */
function PlanModal<V extends object>({ plan, onClose, reload, title, form, initialValues, toBody, children, okText, danger, width }: Props & {
  title: string; form: FormInstance<V>; initialValues?: Partial<V>; toBody: (v: V) => Body; children: ReactNode; okText?: string; danger?: boolean; width?: number;
}) {
  const t = usePlansT();
  const { message } = App.useApp();
  const act = usePlanAction(plan.id);
  const send = useSend(form, reload, onClose);
  const finish = async (v: V) => {
    if (await send.run(() => act.mutateAsync({ ...toBody(v), version: plan.version } as PlanActionBody))) {
      void message.success(t('done'));
      onClose();
    }
  };
  return (
    <Modal open width={width ?? 600} title={title} okText={okText ?? t('ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: send.pending, danger }} destroyOnHidden>
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void finish(v)}>
        {children}
        <Problem text={send.problem} />
      </Form>
    </Modal>
  );
}

/** After approval every item change is an amendment: the head gives a reason the plan's history keeps. */
function ReasonField({ plan }: { plan: PlanDetail }) {
  const t = usePlansT();
  if (plan.status !== 'approved') return null;
  return (
    <Form.Item name="reason" label={t('dlg.reason')} extra={t('dlg.reasonHint')}
      rules={[{ required: true, whitespace: true, message: t('required') }, { validator: async (_, v?: string) => { if ((v ?? '').trim().length < 5) throw new Error(t('dlg.reasonShort')); } }]}>
      <Input.TextArea rows={2} maxLength={2000} />
    </Form.Item>
  );
}

type NewValues = { inspectingUnitId: number; year: number; title: string; note?: string };

/** A new draft plan of a unit the caller manages, for a year; its items are added on the plan's page. */
export function NewPlanDialog({ onClose }: { onClose: () => void }) {
  const t = usePlansT();
  const navigate = useNavigate();
  const covers = useCovers();
  const [form] = Form.useForm<NewValues>();
  const create = useCreatePlan();
  const send = useSend(form, () => undefined);
  const today = todayInVietnam();
  // Plans are drafted towards the end of the year before; from November the next year is the likely one.
  const year = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 11 ? 1 : 0);
  const home = useGrantUnit(PLAN_MANAGE_ROLES);
  const shownYear = useRef(year);
  const finish = async (v: NewValues) => {
    let id = 0;
    if (await send.run(async () => { id = (await create.mutateAsync({ inspectingUnitId: v.inspectingUnitId, year: v.year, title: v.title.trim(), ...(v.note?.trim() ? { note: v.note.trim() } : {}) })).id; })) {
      onClose();
      navigate(planPath(id));
    }
  };
  return (
    <Modal open width={640} title={t('dlg.newTitle')} okText={t('dlg.create')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: send.pending }} destroyOnHidden>
      <Form<NewValues> form={form} layout="vertical" onFinish={(v) => void finish(v)}
        initialValues={{ inspectingUnitId: home ?? undefined, year, title: t('dlg.defaultTitle', { year }) }}
        onValuesChange={(changed: Partial<NewValues>, all: NewValues) => {
          // The default title follows the year until the user writes their own.
          if (!changed.year) return;
          if (all.title === t('dlg.defaultTitle', { year: shownYear.current })) form.setFieldsValue({ title: t('dlg.defaultTitle', { year: changed.year }) });
          shownYear.current = changed.year;
        }}>
        <Typography.Paragraph type="secondary">{t('dlg.newHint')}</Typography.Paragraph>
        <Form.Item name="inspectingUnitId" label={t('dlg.inspectingUnit')} rules={[{ required: true, message: t('required') }]}>
          <UnitChoice ariaLabel={t('dlg.inspectingUnit')} only={(u) => covers(PLAN_MANAGE_ROLES, u.id)} />
        </Form.Item>
        <Form.Item name="year" label={t('dlg.year')} rules={[{ required: true, message: t('required') }]}>
          <InputNumber min={2000} max={2100} precision={0} style={{ width: 140 }} aria-label={t('dlg.year')} />
        </Form.Item>
        <Form.Item name="title" label={t('dlg.title')} rules={[{ required: true, whitespace: true, min: 3, message: t('required') }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="note" label={t('dlg.note')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
        <Problem text={send.problem} />
      </Form>
    </Modal>
  );
}

export function EditPlanDialog(props: Props) {
  const t = usePlansT();
  const [form] = Form.useForm<{ title: string; note?: string }>();
  return (
    <PlanModal {...props} form={form} title={t('dlg.editTitle')} initialValues={{ title: props.plan.title, note: props.plan.note ?? '' }}
      toBody={(v) => ({ action: 'edit', title: v.title.trim(), note: v.note?.trim() ? v.note.trim() : null })}>
      <Form.Item name="title" label={t('dlg.title')} rules={[{ required: true, whitespace: true, min: 3, message: t('required') }]}><Input maxLength={300} /></Form.Item>
      <Form.Item name="note" label={t('dlg.note')}><Input.TextArea rows={3} maxLength={4000} /></Form.Item>
    </PlanModal>
  );
}

type ItemValues = { targetUnitId: number; topics: string[]; plannedFrom: string; plannedTo: string; leadStaffId?: number | null; note?: string; reason?: string };

/**
 * Only what the user changed, so that the plan's history shows the amendment itself ("before: 05/04–16/04,
 * after: 12/04–23/04"); nothing changed is refused by the server with its own message.
 */
function changesOf(item: PlanItem, next: { targetUnitId: number; topics: never; plannedFrom: string; plannedTo: string; leadStaffId: number | null; note: string | null }) {
  const before = { targetUnitId: item.targetUnitId, topics: item.topics, plannedFrom: item.plannedFrom, plannedTo: item.plannedTo, leadStaffId: item.lead?.id ?? null, note: item.note };
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return Object.fromEntries(Object.entries(next).filter(([k, v]) => !same(v, before[k as keyof typeof before])));
}

/** Adds an item to the plan, or changes one (`item`); on an approved plan with the amendment's reason. */
export function ItemDialog(props: Props & { item?: PlanItem }) {
  const t = usePlansT();
  const { plan, item } = props;
  const [form] = Form.useForm<ItemValues>();
  const fields = (v: ItemValues) => ({
    targetUnitId: v.targetUnitId, topics: v.topics as never, plannedFrom: v.plannedFrom, plannedTo: v.plannedTo,
  });
  const reason = (v: ItemValues) => (plan.status === 'approved' ? { reason: v.reason?.trim() } : {});
  return (
    <PlanModal {...props} form={form} width={680} title={item ? t('dlg.updateTitle', { unit: item.targetUnitName }) : t('dlg.addTitle')}
      initialValues={item ? { targetUnitId: item.targetUnitId, topics: item.topics, plannedFrom: item.plannedFrom, plannedTo: item.plannedTo, leadStaffId: item.lead?.id ?? null, note: item.note ?? '' } : { topics: ['admin_discipline'] }}
      toBody={(v) => (item
        ? { action: 'update_item', itemId: item.id, changes: changesOf(item, { ...fields(v), leadStaffId: v.leadStaffId ?? null, note: v.note?.trim() ? v.note.trim() : null }), ...reason(v) }
        : { action: 'add_item', item: { ...fields(v), ...(v.leadStaffId ? { leadStaffId: v.leadStaffId } : {}), ...(v.note?.trim() ? { note: v.note.trim() } : {}) }, ...reason(v) })}>
      <Form.Item name="targetUnitId" label={t('dlg.target')} rules={[{ required: true, message: t('required') }]}
        extra={item?.inspection ? t('dlg.targetLocked') : undefined}>
        <UnitChoice only={(u) => u.id !== plan.inspectingUnitId} disabled={!!item?.inspection} ariaLabel={t('dlg.target')} />
      </Form.Item>
      <Form.Item name="topics" label={t('dlg.topics')} rules={[{ required: true, type: 'array', min: 1, message: t('required') }]}>
        <TopicSelect ariaLabel={t('dlg.topics')} />
      </Form.Item>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{t('dlg.yearHint', { year: plan.year })}</Typography.Paragraph>
      <div className="mc-insp-form-grid">
        <DateField name="plannedFrom" label={t('dlg.plannedFrom')} required={t('required')} />
        <DateField name="plannedTo" label={t('dlg.plannedTo')} required={t('required')} />
      </div>
      <Form.Item name="leadStaffId" label={t('dlg.lead')}>
        <StaffPicker ariaLabel={t('dlg.lead')} unitId={plan.inspectingUnitId} noneLabel={t('dlg.noLead')} known={item?.lead ? { [item.lead.id]: item.lead.fullName } : undefined} />
      </Form.Item>
      <Form.Item name="note" label={t('dlg.itemNote')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
      <ReasonField plan={plan} />
    </PlanModal>
  );
}

export function RemoveItemDialog(props: Props & { item: PlanItem }) {
  const t = usePlansT();
  const [form] = Form.useForm<{ reason?: string }>();
  const approved = props.plan.status === 'approved';
  return (
    <PlanModal {...props} form={form} danger okText={t('dlg.removeOk')} title={t('dlg.removeTitle', { unit: props.item.targetUnitName })}
      toBody={(v) => ({ action: 'remove_item', itemId: props.item.id, ...(approved ? { reason: v.reason?.trim() } : {}) })}>
      <Alert type={approved ? 'warning' : 'info'} showIcon style={{ marginBottom: 12 }} title={approved ? t('dlg.removeApproved') : t('dlg.removeDraft')} />
      <ReasonField plan={props.plan} />
    </PlanModal>
  );
}

type ApproveValues = { decisionNo: string; decisionDate: string; signer: string };

export function ApproveDialog(props: Props) {
  const t = usePlansT();
  const { user } = useAuth();
  const [form] = Form.useForm<ApproveValues>();
  return (
    <PlanModal {...props} form={form} okText={t('dlg.approveOk')} title={t('dlg.approveTitle')} initialValues={{ decisionDate: todayInVietnam(), signer: user?.fullName ?? '' }}
      toBody={(v) => ({ action: 'approve', decisionNo: v.decisionNo.trim(), decisionDate: v.decisionDate, signer: v.signer.trim() })}>
      <Typography.Paragraph>{t('dlg.approveHint', { n: props.plan.itemCount })}</Typography.Paragraph>
      <div className="mc-insp-form-grid">
        <Form.Item name="decisionNo" label={t('dlg.decisionNo')} rules={[{ required: true, whitespace: true, message: t('required') }]}><Input maxLength={60} placeholder="245/QĐ-TTr" /></Form.Item>
        <DateField name="decisionDate" label={t('dlg.decisionDate')} required={t('required')} />
      </div>
      <Form.Item name="signer" label={t('dlg.signer')} extra={t('dlg.signerHint')} rules={[{ required: true, whitespace: true, min: 2, message: t('required') }]}><Input maxLength={200} /></Form.Item>
    </PlanModal>
  );
}
