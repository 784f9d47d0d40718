import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useDocumentTypes } from '../api';
import { useRegistryT } from '../i18n';
import { RecipientUnitsPicker, StaffPicker } from '../pickers';
import { CONFIDENTIALITIES, SIGNING_PREFIXES, URGENCIES, type Confidentiality, type SigningPrefix, type Urgency } from '../types';

export interface DraftValues {
  agencyId?: number;
  draftingUnitId?: number;
  docType?: string;
  legal?: boolean;
  subject?: string;
  body?: string;
  recipientUnits?: number[];
  recipientNames?: string[];
  urgency?: Urgency;
  confidentiality?: Confidentiality;
  approverStaffId?: number | null;
  signingPrefix?: SigningPrefix | '';
  signerTitle?: string;
  pages?: number | null;
  copies?: number | null;
  note?: string;
}

/** The document's own fields (everything but where it is drafted), shared by "Soạn" and "Sửa dự thảo". */
export function DraftFields({ agencyId, approverName }: { agencyId: number | undefined; approverName?: Record<number, string> }) {
  const t = useRegistryT();
  const types = useDocumentTypes();
  const docType = Form.useWatch<string | undefined>('docType');
  const legalType = (types.data ?? []).find((d) => d.code === docType)?.legal ?? false;
  const required = (message = t('form.required')) => [{ required: true, whitespace: true, message }];
  return (
    <>
      <div className="mc-reg-form-grid">
        <Form.Item name="docType" label={t('field.docType')} rules={[{ required: true, message: t('form.required') }]}>
          <Select loading={types.isLoading} showSearch={{ optionFilterProp: 'label' }}
            options={(types.data ?? []).map((d) => ({ value: d.code, label: d.abbreviation ? `${d.name} (${d.abbreviation})` : d.name }))} />
        </Form.Item>
        <Form.Item name="urgency" label={t('field.urgency')}>
          <Select options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} />
        </Form.Item>
        <Form.Item name="confidentiality" label={t('field.confidentiality')}>
          <Select options={CONFIDENTIALITIES.map((c) => ({ value: c, label: t(`confidentiality.${c}`) }))} />
        </Form.Item>
      </div>
      {legalType ? (
        <Form.Item name="legal" valuePropName="checked" preserve={false} extra={t('field.legalHint')}>
          <Checkbox>{t('field.legal')}</Checkbox>
        </Form.Item>
      ) : null}
      <Form.Item name="subject" label={t('field.subject')} rules={required()}>
        <Input.TextArea rows={2} maxLength={500} showCount />
      </Form.Item>
      <Form.Item name="body" label={t('field.body')} rules={required()}>
        <Input.TextArea rows={10} maxLength={100_000} />
      </Form.Item>
      <Form.Item name="recipientUnits" label={t('field.recipientUnits')} extra={t('field.recipientUnitsHint')}>
        <RecipientUnitsPicker aria-label={t('field.recipientUnits')} />
      </Form.Item>
      <Form.Item name="recipientNames" label={t('field.recipientNames')} extra={t('field.recipientNamesHint')}>
        <Select mode="tags" tokenSeparators={[';', '\n']} open={false} suffixIcon={null} aria-label={t('field.recipientNames')} placeholder={t('field.recipientNamesPlaceholder')} />
      </Form.Item>
      <div className="mc-reg-form-grid">
        <Form.Item name="approverStaffId" label={t('field.approver')}>
          <StaffPicker signers unitId={agencyId} known={approverName} aria-label={t('field.approver')} />
        </Form.Item>
        <Form.Item name="signingPrefix" label={t('field.signingPrefix')}>
          <Select options={[{ value: '', label: t('field.noPrefix') }, ...SIGNING_PREFIXES.map((p) => ({ value: p, label: t(`prefix.${p}`) }))]} />
        </Form.Item>
        <Form.Item name="signerTitle" label={t('field.signerTitle')}>
          <Input maxLength={200} placeholder={t('field.signerTitlePlaceholder')} />
        </Form.Item>
        <Form.Item name="pages" label={t('field.pages')}><InputNumber min={1} max={10_000} style={{ width: '100%' }} /></Form.Item>
        <Form.Item name="copies" label={t('field.copies')}><InputNumber min={1} max={10_000} style={{ width: '100%' }} /></Form.Item>
      </div>
      <Form.Item name="note" label={t('field.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
    </>
  );
}
