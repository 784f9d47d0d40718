import { DatePicker, Form, Input, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DATE_PATTERN, DATE_TIME_PATTERN, formatDateTime } from '../../../shared/format';
import type { Action, ActionInput, AttachedFile, DossierDetail } from '../api';
import { ScanInput } from '../files/ScanInput';
import { useDossierT } from '../i18n';
import { vietnamInstant } from '../labels';
import { FeeItemsField, MoneyInput, ReasonsField, SupplementItemsField, type SupplementItemValue } from '../ListFields';
import { StaffSelect } from './StaffSelect';

/** What the dialog's form holds, for every action (each uses a few). */
export interface ActionValues {
  toStep?: number;
  toStaffId?: string | number;
  staffId?: string | number;
  note?: string;
  reason?: string;
  reasons?: string[];
  items?: SupplementItemValue[];
  fees?: { name: string; amount: number }[];
  amount?: number;
  method?: string;
  reference?: string;
  newDueAt?: Dayjs;
  signer?: string;
  requestedAt?: Dayjs;
  summary?: string;
  resultNumber?: string;
  receiverName?: string;
  /** A scan: of the document at `documentIndex`, or of a paper named `documentName` (supplement). */
  documentIndex?: number;
  documentName?: string;
  file?: AttachedFile;
  resultFile?: AttachedFile;
  address?: string;
}

/** Actions that need nothing but a confirmation. */
export const NO_FIELDS: readonly Action[] = ['take', 'receive'];

const opt = (v: string | undefined) => (v && v.trim() ? v.trim() : undefined);
const id = (v: string | number | undefined) => (v === undefined || v === null || v === '' ? undefined : Number(v));

/** Form values → the body of POST /dossiers/:code/actions, with the version the user saw. */
export function toActionInput(action: Action, v: ActionValues, version: number): ActionInput {
  const items = () => (v.items ?? []).map((i) => ({ name: i.name.trim(), reason: i.reason.trim(), legalBasis: opt(i.legalBasis) }));
  switch (action) {
    case 'take':
    case 'receive':
      return { action, version };
    case 'transfer':
      return { action, version, toStep: v.toStep, toStaffId: id(v.toStaffId), note: opt(v.note) };
    case 'assign':
      return { action, version, staffId: Number(v.staffId), reason: opt(v.reason) };
    case 'return_to_step':
      return { action, version, toStep: v.toStep ?? 0, reason: (v.reason ?? '').trim() };
    case 'request_supplement':
      return { action, version, items: items(), note: opt(v.note) };
    case 'request_reception_supplement':
      return { action, version, items: items() };
    case 'refuse':
      return { action, version, reasons: (v.reasons ?? []).map((r) => r.trim()).filter(Boolean) };
    case 'supplement_received':
      return { action, version, note: opt(v.note), scans: v.file ? [{ documentIndex: undefined, documentName: opt(v.documentName), file: v.file }] : undefined };
    case 'attach_scans':
      return { action, version, scans: v.file ? [{ documentIndex: v.documentIndex, documentName: undefined, file: v.file }] : [] };
    case 'attach_draft':
      return { action, version, file: v.file ?? { key: '', name: '' }, note: opt(v.note) };
    case 'request_payment':
      return { action, version, items: (v.fees ?? []).map((f) => ({ name: f.name.trim(), amount: f.amount })) };
    case 'confirm_payment':
      return { action, version, amount: v.amount ?? 0, method: (v.method ?? 'cash') as 'cash', reference: opt(v.reference) };
    case 'extend':
      return { action, version, newDueAt: v.newDueAt ? vietnamInstant(v.newDueAt) : '', reason: (v.reason ?? '').trim(), signer: (v.signer ?? '').trim() };
    case 'stop':
      return { action, version, reason: (v.reason ?? '').trim() };
    case 'withdraw':
      return { action, version, reason: (v.reason ?? '').trim(), requestedAt: v.requestedAt && !v.requestedAt.isSame(dayjs(), 'day') ? vietnamInstant(v.requestedAt.hour(12).minute(0)) : undefined };
    case 'record_result':
      return { action, version, summary: (v.summary ?? '').trim(), resultNumber: opt(v.resultNumber), resultFile: v.resultFile };
    case 'return_result':
      return { action, version, receiverName: (v.receiverName ?? '').trim(), method: (v.method ?? 'desk') as 'desk', note: opt(v.note), address: v.method === 'post' ? opt(v.address) : undefined, resultFile: v.resultFile };
  }
}

/** Sensible starting values: the next step, the fees still due, the applicant as receiver. */
export function initialValues(action: Action, d: DossierDetail): ActionValues {
  const later = d.route.filter((r) => r.order > (d.currentStep ?? 0)).sort((a, b) => a.order - b.order);
  switch (action) {
    case 'transfer':
      return { toStep: later[0]?.order };
    case 'request_supplement':
    case 'request_reception_supplement':
      return { items: [{ name: '', reason: '' }] };
    case 'refuse':
      return { reasons: [''] };
    case 'request_payment': {
      const fees = (d.fees ?? []).filter((f) => typeof f.amount === 'number' && f.amount > 0).map((f) => ({ name: f.name, amount: f.amount as number }));
      return { fees: fees.length ? fees : [{ name: '', amount: 0 }] };
    }
    case 'confirm_payment':
      return { amount: Math.max(d.paymentDue - d.paid, 0) || undefined, method: 'cash' };
    case 'extend':
      return d.dueAt ? { newDueAt: dayjs(d.dueAt).add(3, 'day') } : {};
    case 'return_result':
      return { receiverName: d.applicant.representative?.fullName ?? d.applicant.fullName, method: d.resultDelivery };
    case 'attach_scans':
      // The first document still without a scan.
      return { documentIndex: Math.max(d.documents.findIndex((doc) => !doc.digitised), 0) };
    default:
      return {};
  }
}

function Reason({ required = true, label }: { required?: boolean; label?: string }) {
  const t = useDossierT();
  return (
    <Form.Item name="reason" label={label ?? t('form.reason')} rules={required ? [{ required: true, whitespace: true, message: t('form.reasonRequired') }] : []}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
    </Form.Item>
  );
}

function Note() {
  const t = useDossierT();
  return (
    <Form.Item name="note" label={t('form.note')}>
      <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
    </Form.Item>
  );
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** Returning the result: by post, where to; online, the electronic result (scanned now if it was not recorded as a file). */
function ReturnFields({ dossier }: { dossier: DossierDetail }) {
  const t = useDossierT();
  const method = Form.useWatch<string | undefined>('method');
  return (
    <>
      <Form.Item name="receiverName" label={t('form.receiver')} rules={required(t('list.required'))}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="method" label={t('form.method')}>
        <Select options={(['desk', 'post', 'online'] as const).map((m) => ({ value: m, label: t(`delivery.${m}`) }))} />
      </Form.Item>
      {method === 'post' ? (
        <Form.Item name="address" label={t('files.address')} extra={t('files.addressHint')}>
          <Input maxLength={500} placeholder={dossier.applicant.address} />
        </Form.Item>
      ) : null}
      {dossier.resultFile ? null : (
        <Form.Item name="resultFile" label={t('files.resultFile')} rules={method === 'online' ? [{ required: true, message: t('files.resultOnlineRequired') }] : []}>
          <ScanInput label={t('files.resultFile')} />
        </Form.Item>
      )}
      <Note />
    </>
  );
}

/** The fields each action asks for (Circular 03/2025 forms 02, 04, 05, 06 and the result). */
export function ActionFields({ action, dossier }: { action: Action; dossier: DossierDetail }) {
  const t = useDossierT();
  const toStep = Form.useWatch<number | undefined>('toStep');
  const stepLabel = (r: DossierDetail['route'][number]) => `${r.order}. ${r.name} — ${r.unitName}`;
  const current = dossier.currentStep ?? 0;
  switch (action) {
    case 'transfer': {
      const target = dossier.route.find((r) => r.order === toStep);
      return (
        <>
          <Form.Item name="toStep" label={t('form.toStep')} rules={[{ required: true, message: t('list.required') }]}>
            <Select options={dossier.route.filter((r) => r.order > current).map((r) => ({ value: r.order, label: stepLabel(r) }))} />
          </Form.Item>
          {target && !target.external ? (
            <Form.Item name="toStaffId" label={t('form.staff')} extra={t('form.staffOptional')}>
              <StaffSelect key={target.order} dossier={dossier} step={target.order} allowClear />
            </Form.Item>
          ) : null}
          <Note />
        </>
      );
    }
    case 'assign':
      return (
        <>
          <Form.Item name="staffId" label={t('form.staff')} rules={[{ required: true, message: t('form.staffRequired') }]}>
            <StaffSelect dossier={dossier} step={dossier.currentStep} />
          </Form.Item>
          <Reason required={false} />
        </>
      );
    case 'return_to_step':
      return (
        <>
          <Form.Item name="toStep" label={t('form.returnStep')} rules={[{ required: true, message: t('list.required') }]}>
            <Select options={dossier.route.filter((r) => r.order < current).map((r) => ({ value: r.order, label: stepLabel(r) }))} />
          </Form.Item>
          <Reason />
        </>
      );
    case 'request_supplement':
    case 'request_reception_supplement':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('form.supplementHint')}</Typography.Paragraph>
          <SupplementItemsField name="items" />
          {action === 'request_supplement' ? <div style={{ marginTop: 16 }}><Note /></div> : null}
        </>
      );
    case 'refuse':
      return <ReasonsField name="reasons" />;
    case 'supplement_received':
      return (
        <>
          <Form.Item name="documentName" label={t('files.documentName')}>
            <Input maxLength={1000} />
          </Form.Item>
          <Form.Item name="file" label={t('files.supplementScan')}>
            <ScanInput label={t('files.supplementScan')} />
          </Form.Item>
          <Note />
        </>
      );
    case 'attach_scans':
      return (
        <>
          <Form.Item name="documentIndex" label={t('files.document')} rules={[{ required: true, message: t('list.required') }]}>
            <Select options={dossier.documents.map((doc, i) => ({ value: i, label: `${i + 1}. ${doc.name}${doc.digitised ? ` (${t('files.digitised').toLowerCase()})` : ''}` }))} />
          </Form.Item>
          <Form.Item name="file" label={t('files.scan')} rules={[{ required: true, message: t('files.scanRequired') }]}>
            <ScanInput label={t('files.scan')} />
          </Form.Item>
        </>
      );
    case 'attach_draft':
      return (
        <>
          <Form.Item name="file" label={t('files.draft')} rules={[{ required: true, message: t('files.draftRequired') }]}>
            <ScanInput label={t('files.draft')} />
          </Form.Item>
          <Note />
        </>
      );
    case 'request_payment':
      return <FeeItemsField name="fees" />;
    case 'confirm_payment':
      return (
        <>
          <Form.Item name="amount" label={t('form.amount')} rules={[{ required: true, message: t('list.required') }]}>
            <MoneyInput />
          </Form.Item>
          <Form.Item name="method" label={t('form.paymentMethod')}>
            <Select options={(['cash', 'bank_transfer', 'online'] as const).map((m) => ({ value: m, label: t(`form.${m}`) }))} />
          </Form.Item>
          <Form.Item name="reference" label={t('form.reference')}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      );
    case 'extend':
      return (
        <>
          <Typography.Paragraph type="secondary">{t('form.extendHint', { due: formatDateTime(dossier.dueAt) })}</Typography.Paragraph>
          <Form.Item name="newDueAt" label={t('form.newDue')} rules={[{ required: true, message: t('form.newDueRequired') }]}>
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format={DATE_TIME_PATTERN}
              disabledDate={(d) => (dossier.dueAt ? d.isBefore(dayjs(dossier.dueAt), 'day') : false)}
              style={{ width: '100%' }}
            />
          </Form.Item>
          <Reason />
          <Form.Item name="signer" label={t('form.signer')} extra={t('form.signerHint')} rules={required(t('list.required'))}>
            <Input maxLength={200} />
          </Form.Item>
        </>
      );
    case 'stop':
      return <Reason />;
    case 'withdraw':
      return (
        <>
          <Reason />
          <Form.Item name="requestedAt" label={t('form.requestedAt')}>
            <DatePicker format={DATE_PATTERN} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
          </Form.Item>
        </>
      );
    case 'record_result':
      return (
        <>
          <Form.Item name="summary" label={t('form.summary')} rules={required(t('list.required'))}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={2000} />
          </Form.Item>
          <Form.Item name="resultNumber" label={t('form.resultNumber')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="resultFile" label={t('files.resultFile')} extra={t('files.resultFileHint')}>
            <ScanInput label={t('files.resultFile')} />
          </Form.Item>
        </>
      );
    case 'return_result':
      return <ReturnFields dossier={dossier} />;
    case 'take':
    case 'receive':
      return null;
  }
}
