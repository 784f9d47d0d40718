import { DatePicker, Form, Input, InputNumber, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { DATE_PATTERN } from '../../../shared/format';
import { useRegistryT } from '../i18n';
import { RecipientUnitsPicker, StaffPicker, UnitPicker } from '../pickers';
import { SIGNING_PREFIXES, type ActionBody, type DocumentDetail, type SigningPrefix } from '../types';

export interface ActionValues {
  approverStaffId?: number;
  note?: string;
  reason?: string;
  signerTitle?: string;
  signingPrefix?: SigningPrefix | '';
  leadKind?: 'staff' | 'unit';
  leadStaffId?: number;
  leadUnitId?: number;
  coordinatorUnits?: number[];
  coordinatorStaff?: number[];
  deadlineKind?: 'days' | 'date' | 'none';
  dueInWorkingDays?: number;
  dueOn?: Dayjs | null;
  instructions?: string;
  report?: string;
}

/** The actions this page knows how to ask for, in the order their buttons show. */
export const KNOWN_ACTIONS = ['register', 'route', 'report', 'submit', 'approve', 'release', 'return', 'cancel', 'recall'] as const;
/** The first of these the server allows is the primary button (the main flow). */
export const PRIMARY_ACTIONS = ['register', 'route', 'report', 'submit', 'approve', 'release'];
/** Actions that undo or refuse: red buttons. */
export const DANGER_ACTIONS = ['cancel', 'recall', 'return'];

const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

/** `{action, version, ...}` for the action (API.md "Outgoing", "Incoming", "Exchange"; the schemas in src/modules/registry). */
export function bodyOf(action: string, doc: DocumentDetail, v: ActionValues, confirmDuplicate = false): ActionBody {
  const version = doc.version;
  switch (action) {
    case 'submit': return { action, version, approverStaffId: v.approverStaffId ? Number(v.approverStaffId) : undefined };
    case 'approve': return { action, version, signerTitle: v.signerTitle?.trim() ?? '', signingPrefix: v.signingPrefix || null, note: opt(v.note) };
    case 'return': return doc.direction === 'out' ? { action, version, note: v.note?.trim() ?? '' } : { action, version, reason: v.reason?.trim() ?? '' };
    case 'cancel': return { action, version, note: v.note?.trim() ?? '' };
    case 'recall': return { action, version, reason: v.reason?.trim() ?? '' };
    case 'release': return { action, version };
    case 'register': return { action, version, ...(confirmDuplicate ? { confirmDuplicate: true } : {}) };
    case 'report': return { action, version, report: v.report?.trim() ?? '' };
    case 'route': return {
      action, version,
      lead: v.leadKind === 'unit' ? { unitId: Number(v.leadUnitId) } : { staffId: Number(v.leadStaffId) },
      coordinators: [...(v.coordinatorStaff ?? []).map((staffId) => ({ staffId })), ...(v.coordinatorUnits ?? []).map((unitId) => ({ unitId }))],
      ...(v.deadlineKind === 'days' && v.dueInWorkingDays ? { dueInWorkingDays: v.dueInWorkingDays } : {}),
      ...(v.deadlineKind === 'date' && v.dueOn ? { dueOn: v.dueOn.format('YYYY-MM-DD') } : {}),
      instructions: opt(v.instructions),
    };
    // An action this page has no form for: sent as the server named it, with a note if one was written.
    default: return { action, version, ...(opt(v.note) ? { note: opt(v.note) } : {}) } as unknown as ActionBody;
  }
}

/** The form of one action; an action the page does not know asks only for a note. */
export function ActionFields({ action, doc }: { action: string; doc: DocumentDetail }) {
  const t = useRegistryT();
  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  const pick = [{ required: true, message: t('form.required') }];
  const text = (name: 'note' | 'reason' | 'report' | 'instructions', label: string, must: boolean, rows = 3) => (
    <Form.Item name={name} label={label} rules={must ? required : undefined}><Input.TextArea rows={rows} maxLength={5000} showCount /></Form.Item>
  );
  const leadKind = Form.useWatch<ActionValues['leadKind']>('leadKind');
  const deadlineKind = Form.useWatch<ActionValues['deadlineKind']>('deadlineKind');
  switch (action) {
    case 'submit':
      return (
        <Form.Item name="approverStaffId" label={t('field.approver')} rules={doc.approver ? undefined : pick} extra={t('act.submitHint')}>
          <StaffPicker signers unitId={doc.unitId} known={doc.approver ? { [doc.approver.id]: doc.approver.fullName } : undefined} aria-label={t('field.approver')} />
        </Form.Item>
      );
    case 'approve':
      return (
        <>
          <Form.Item name="signerTitle" label={t('field.signerTitle')} rules={required}><Input maxLength={200} placeholder={t('field.signerTitlePlaceholder')} /></Form.Item>
          <Form.Item name="signingPrefix" label={t('field.signingPrefix')}>
            <Select options={[{ value: '', label: t('field.noPrefix') }, ...SIGNING_PREFIXES.map((p) => ({ value: p, label: t(`prefix.${p}`) }))]} />
          </Form.Item>
          {text('note', t('act.note'), false)}
        </>
      );
    case 'return':
      return doc.direction === 'out' ? text('note', t('act.returnNote'), true) : text('reason', t('act.returnReason'), true);
    case 'cancel': return text('note', t('act.cancelNote'), true);
    case 'recall': return text('reason', t('act.recallReason'), true);
    case 'report': return text('report', t('act.report'), true, 5);
    case 'release': return <Typography.Paragraph>{t('act.releaseHint')}</Typography.Paragraph>;
    case 'register': return <Typography.Paragraph>{t('act.registerHint')}</Typography.Paragraph>;
    case 'route':
      return (
        <>
          <Form.Item name="leadKind" label={t('act.leadKind')}>
            <Radio.Group options={[{ value: 'staff', label: t('act.leadStaff') }, { value: 'unit', label: t('act.leadUnit') }]} />
          </Form.Item>
          {leadKind === 'unit' ? (
            <Form.Item name="leadUnitId" label={t('act.lead')} rules={pick}><UnitPicker aria-label={t('act.lead')} /></Form.Item>
          ) : (
            <Form.Item name="leadStaffId" label={t('act.lead')} rules={pick}><StaffPicker unitId={doc.unitId} aria-label={t('act.lead')} /></Form.Item>
          )}
          <Form.Item name="coordinatorStaff" label={t('act.coordinatorStaff')}><StaffPicker multiple unitId={doc.unitId} aria-label={t('act.coordinatorStaff')} /></Form.Item>
          <Form.Item name="coordinatorUnits" label={t('act.coordinatorUnits')}><RecipientUnitsPicker ownOnly aria-label={t('act.coordinatorUnits')} /></Form.Item>
          <Form.Item name="deadlineKind" label={t('act.deadline')}>
            <Radio.Group options={[{ value: 'days', label: t('act.deadlineDays') }, { value: 'date', label: t('act.deadlineDate') }, { value: 'none', label: t('act.deadlineNone') }]} />
          </Form.Item>
          {deadlineKind === 'days' ? (
            <Form.Item name="dueInWorkingDays" label={t('act.workingDays')} rules={pick} extra={t('act.workingDaysHint')}>
              <InputNumber min={1} max={250} style={{ width: 160 }} />
            </Form.Item>
          ) : null}
          {deadlineKind === 'date' ? (
            <Form.Item name="dueOn" label={t('act.dueOn')} rules={pick}><DatePicker format={DATE_PATTERN} style={{ width: 200 }} /></Form.Item>
          ) : null}
          {text('instructions', t('act.instructions'), false)}
        </>
      );
    default: return text('note', t('act.note'), false);
  }
}
