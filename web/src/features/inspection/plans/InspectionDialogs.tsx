import type { ReactNode } from 'react';
import { Alert, App, Form, type FormInstance, Input, Modal, Select, Typography } from 'antd';
import { StaffPicker } from '../StaffPicker';
import { todayInVietnam } from '../paths';
import { DateField, Problem, useSend } from '../ui';
import {
  type Finding, type InspectionActionBody, type InspectionDetail, type Recommendation, type RecommendationActionName, useInspectionAction, useRecommendationAction,
} from './api-inspections';
import { type TeamRow, TeamFields, TopicSelect, teamBody } from './fields';
import { useInspectionsT, usePlansT } from './i18n';
import { FINDING_KINDS, type FindingKind, useCodes, useLabel } from './labels';

type Body = InspectionActionBody extends infer B ? (B extends { version: number } ? Omit<B, 'version'> : never) : never;
export type DialogProps = { d: InspectionDetail; onClose: () => void; reload: () => unknown };

/**
 * The frame of every action: a modal form whose body is sent under the version the page read. The server
 * decides (state, who acts, dates, the checklist rule); its field errors land under the fields, a stale
 * version closes the dialog and reloads the inspection.
 */
export function ActionModal<V extends object>({ onClose, reload, title, form, initialValues, send: mutate, children, okText, danger, width }: {
  onClose: () => void; reload: () => unknown; title: string; form: FormInstance<V>; initialValues?: Partial<V>; send: (v: V) => Promise<unknown>;
  children: ReactNode; okText?: string; danger?: boolean; width?: number;
}) {
  const tp = usePlansT();
  const { message } = App.useApp();
  const send = useSend(form, reload, onClose);
  const finish = async (v: V) => {
    if (await send.run(() => mutate(v))) {
      void message.success(tp('done'));
      onClose();
    }
  };
  return (
    <Modal open width={width ?? 600} title={title} okText={okText ?? tp('ok')} cancelText={tp('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: send.pending, danger }} destroyOnHidden>
      <Form<V> form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => void finish(v)}>
        {children}
        <Problem text={send.problem} />
      </Form>
    </Modal>
  );
}

/** An action on the inspection itself, under its version. */
function useActOn(d: InspectionDetail) {
  const act = useInspectionAction(d.id);
  return (body: Body) => act.mutateAsync({ ...body, version: d.version } as InspectionActionBody);
}

type EditValues = { decisionNo?: string; decisionDate?: string; onSiteFrom: string; onSiteTo: string; coversFrom: string; coversTo: string; topics: string[] };

/** The decision's number and date, the days at the unit, the period inspected (fixed once the figures are taken), the topics. */
export function EditDialog(props: DialogProps) {
  const t = useInspectionsT();
  const tp = usePlansT();
  const { d } = props;
  const [form] = Form.useForm<EditValues>();
  const act = useActOn(d);
  const required = tp('required');
  const fixed = d.status !== 'planned';
  return (
    <ActionModal {...props} form={form} width={680} title={t('act.edit')}
      initialValues={{ decisionNo: d.decisionNo ?? '', decisionDate: d.decisionDate ?? undefined, onSiteFrom: d.onSiteFrom, onSiteTo: d.onSiteTo, coversFrom: d.coversFrom, coversTo: d.coversTo, topics: d.topics }}
      send={(v) => act({
        action: 'edit', ...(v.decisionNo?.trim() || v.decisionDate ? { decisionNo: v.decisionNo?.trim() || undefined, decisionDate: v.decisionDate } : {}),
        onSiteFrom: v.onSiteFrom, onSiteTo: v.onSiteTo, ...(fixed ? {} : { coversFrom: v.coversFrom, coversTo: v.coversTo }), topics: v.topics as never,
      })}>
      <div className="mc-insp-form-grid">
        <Form.Item name="decisionNo" label={t('dlg.decisionNo')}><Input maxLength={60} /></Form.Item>
        <DateField name="decisionDate" label={t('dlg.decisionDate')} />
        <DateField name="onSiteFrom" label={t('dlg.onSiteFrom')} required={required} />
        <DateField name="onSiteTo" label={t('dlg.onSiteTo')} required={required} />
        {fixed ? null : <DateField name="coversFrom" label={t('dlg.coversFrom')} required={required} />}
        {fixed ? null : <DateField name="coversTo" label={t('dlg.coversTo')} required={required} />}
      </div>
      {fixed ? <Typography.Paragraph type="secondary">{t('dlg.coversFixed')}</Typography.Paragraph> : null}
      <Form.Item name="topics" label={t('dlg.topics')} rules={[{ required: true, type: 'array', min: 1, message: required }]}><TopicSelect ariaLabel={t('dlg.topics')} /></Form.Item>
    </ActionModal>
  );
}

export function TeamDialog(props: DialogProps) {
  const t = useInspectionsT();
  const { d } = props;
  const [form] = Form.useForm<{ members: TeamRow[] }>();
  const act = useActOn(d);
  return (
    <ActionModal {...props} form={form} width={720} title={t('act.set_team')} initialValues={{ members: d.team.map((m) => ({ staffId: m.staffId, role: m.role })) }}
      send={(v) => act({ action: 'set_team', members: teamBody(v.members) })}>
      <Typography.Paragraph type="secondary">{t('dlg.teamHint')}</Typography.Paragraph>
      <TeamFields name="members" unitId={d.inspectingUnitId} known={Object.fromEntries(d.team.map((m) => [m.staffId, m.unitName ? `${m.fullName} — ${m.unitName}` : m.fullName]))} />
    </ActionModal>
  );
}

export function StartDialog(props: DialogProps) {
  const t = useInspectionsT();
  const tp = usePlansT();
  const { d } = props;
  const [form] = Form.useForm<{ on: string }>();
  const act = useActOn(d);
  const today = todayInVietnam();
  return (
    <ActionModal {...props} form={form} title={t('act.start')} initialValues={{ on: d.onSiteFrom <= today ? d.onSiteFrom : today }} send={(v) => act({ action: 'start', on: v.on })}>
      {d.decisionNo ? null : <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('dlg.startNoDecision')} />}
      <Typography.Paragraph type="secondary">{t('dlg.startHint')}</Typography.Paragraph>
      <DateField name="on" label={t('dlg.startOn')} required={tp('required')} />
    </ActionModal>
  );
}

export function CancelDialog(props: DialogProps) {
  const t = useInspectionsT();
  const tp = usePlansT();
  const [form] = Form.useForm<{ reason: string }>();
  const act = useActOn(props.d);
  return (
    <ActionModal {...props} form={form} danger title={t('act.cancel')} okText={t('act.cancel')} send={(v) => act({ action: 'cancel', reason: v.reason.trim() })}>
      <Typography.Paragraph type="secondary">{t('dlg.cancelHint')}</Typography.Paragraph>
      <Form.Item name="reason" label={t('dlg.cancelReason')} rules={[{ required: true, whitespace: true, min: 3, message: tp('required') }]}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
    </ActionModal>
  );
}

type FindingValues = { kind: FindingKind; description: string; staffId?: number | null; checklistCode?: string };

/** A finding of the team: its kind, what was found, the official concerned and the checklist item it answers (both optional). */
export function FindingDialog(props: DialogProps & { finding?: Finding }) {
  const t = useInspectionsT();
  const tp = usePlansT();
  const codes = useCodes();
  const label = useLabel();
  const { d, finding } = props;
  const [form] = Form.useForm<FindingValues>();
  const act = useActOn(d);
  const required = tp('required');
  const items = d.checklist?.items ?? [];
  return (
    <ActionModal {...props} form={form} width={680} title={finding ? t('dlg.findingEdit') : t('dlg.findingAdd')}
      initialValues={finding ? { kind: finding.kind, description: finding.description, staffId: finding.staff?.id ?? null, checklistCode: finding.checklistCode ?? '' } : { checklistCode: '' }}
      send={(v) => act(finding
        ? { action: 'update_finding', findingId: finding.id, kind: v.kind, description: v.description.trim(), staffId: v.staffId ?? null, checklistCode: v.checklistCode || null }
        : { action: 'add_finding', kind: v.kind, description: v.description.trim(), ...(v.staffId ? { staffId: v.staffId } : {}), ...(v.checklistCode ? { checklistCode: v.checklistCode } : {}) })}>
      <Form.Item name="kind" label={t('dlg.findingKind')} rules={[{ required: true, message: required }]}>
        <Select aria-label={t('dlg.findingKind')} options={FINDING_KINDS.map((k) => ({ value: k, label: codes.finding(k) }))} popupMatchSelectWidth={false} />
      </Form.Item>
      <Form.Item name="description" label={t('dlg.description')} rules={[{ required: true, whitespace: true, min: 3, message: required }]}><Input.TextArea rows={4} maxLength={8000} showCount /></Form.Item>
      <Form.Item name="checklistCode" label={t('dlg.checklistCode')}>
        <Select aria-label={t('dlg.checklistCode')} popupMatchSelectWidth={false}
          options={[{ value: '', label: t('dlg.noItem') }, ...items.map((i) => ({ value: i.code, label: label(i.label) }))]} />
      </Form.Item>
      <Form.Item name="staffId" label={t('dlg.staff')}>
        <StaffPicker ariaLabel={t('dlg.staff')} unitId={d.targetUnitId} noneLabel={t('dlg.noStaff')} known={finding?.staff ? { [finding.staff.id]: finding.staff.fullName } : undefined} />
      </Form.Item>
    </ActionModal>
  );
}

type RecValues = { text?: string; on?: string; note?: string; reason?: string };

/** Reporting on a recommendation (its responsible unit), or accepting or returning it (the inspecting unit's head). */
export function RecommendationDialog({ d, rec, action, onClose, reload }: DialogProps & { rec: Recommendation; action: RecommendationActionName }) {
  const t = useInspectionsT();
  const tp = usePlansT();
  const [form] = Form.useForm<RecValues>();
  const act = useRecommendationAction(d.id, rec.id);
  const required = tp('required');
  const text = [{ required: true, whitespace: true, min: 3, message: required }];
  return (
    <ActionModal onClose={onClose} reload={reload} form={form} danger={action === 'return'} title={t('dlg.recTitle', { action: t(`act.${action}`), n: rec.seq })}
      initialValues={{ on: todayInVietnam() }}
      send={(v) => act.mutateAsync(action === 'report' ? { action, version: rec.version, text: v.text!.trim(), on: v.on }
        : action === 'accept' ? { action, version: rec.version, on: v.on!, ...(v.note?.trim() ? { note: v.note.trim() } : {}) }
          : { action, version: rec.version, reason: v.reason!.trim() })}>
      <Typography.Paragraph className="mc-insp-text">{rec.text}</Typography.Paragraph>
      {action === 'report' ? (
        <>
          <Form.Item name="text" label={t('dlg.reportText')} rules={text}><Input.TextArea rows={4} maxLength={4000} showCount /></Form.Item>
          <DateField name="on" label={t('dlg.reportOn')} required={required} />
        </>
      ) : null}
      {action === 'accept' ? (
        <>
          <DateField name="on" label={t('dlg.acceptOn')} required={required} />
          <Form.Item name="note" label={t('dlg.acceptNote')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
        </>
      ) : null}
      {action === 'return' ? <Form.Item name="reason" label={t('dlg.returnReason')} rules={text}><Input.TextArea rows={3} maxLength={4000} /></Form.Item> : null}
    </ActionModal>
  );
}
