import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Radio, Result, Select, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link, useNavigate } from 'react-router-dom';
import { errorMessage, isApiError } from '../../../shared/api';
import { DATE_PATTERN } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { useAgencies, useCreateIncoming, useDocumentTypes } from '../api';
import { useRegistryT } from '../i18n';
import { INCOMING_PATH, documentPath } from '../paths';
import { RegistryNav } from '../RegistryNav';
import { CONFIDENTIALITIES, URGENCIES, type Confidentiality, type IncomingBody, type Urgency } from '../types';

interface Values {
  unitId?: number; channel?: 'paper' | 'electronic'; docType?: string; symbol?: string; issuedOn?: Dayjs | null; issuerName?: string; subject?: string;
  urgency?: Urgency; confidentiality?: Confidentiality; pages?: number | null; signerName?: string; arrivalOn?: Dayjs | null; note?: string;
}

const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
const bodyOf = (v: Values, confirmDuplicate: boolean): IncomingBody => ({
  unitId: Number(v.unitId), channel: v.channel ?? 'paper', docType: v.docType ?? '', symbol: v.symbol?.trim() ?? '',
  issuedOn: v.issuedOn ? v.issuedOn.format('YYYY-MM-DD') : '', issuerName: v.issuerName?.trim() ?? '', subject: v.subject?.trim() ?? '',
  urgency: v.urgency, confidentiality: v.confidentiality, pages: v.pages ?? undefined, signerName: opt(v.signerName),
  arrivalOn: v.arrivalOn ? v.arrivalOn.format('YYYY-MM-DD') : undefined, note: opt(v.note), ...(confirmDuplicate ? { confirmDuplicate: true } : {}),
});

/**
 * `/can-bo/van-thu/van-ban-den/vao-so`: the records office registers a document received on paper or
 * electronically from outside the province's exchange (Decree 30 art. 22). The same number and symbol,
 * issuer and date registered before is a warning the clerk confirms (Appendix VI: duplicate warning).
 */
export default function RegisterIncomingPage() {
  const t = useRegistryT();
  const ts = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const agencies = useAgencies();
  const types = useDocumentTypes();
  const create = useCreateIncoming();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);
  const mine = (agencies.data ?? []).filter((a) => a.may.register);
  const initial = useMemo<Values>(() => ({ unitId: mine[0]?.unitId, channel: 'paper', urgency: 'normal', confidentiality: 'normal', arrivalOn: dayjs() }), [mine]);

  const send = async (v: Values, confirmDuplicate = false) => {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    try {
      const doc = await create.mutateAsync(bodyOf(v, confirmDuplicate));
      void message.success(t('reg.done', { n: doc.arrivalNumber ?? '' }));
      navigate(documentPath(doc.id));
    } catch (error) {
      if (isApiError(error) && error.code === 'DUPLICATE_DOCUMENT') {
        modal.confirm({
          title: t('reg.duplicateTitle'), content: errorMessage(error, locale), okText: t('reg.duplicateOk'), cancelText: ts('action.cancel'),
          onOk: () => send(v, true),
        });
        return;
      }
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    } finally {
      busy.current = false;
    }
  };

  if (agencies.isPending) return <><RegistryNav /><PageHeader title={t('reg.title')} /><Card size="small"><Skeleton active /></Card></>;
  if (mine.length === 0) return <><RegistryNav /><PageHeader title={t('reg.title')} /><Result status="info" title={t('reg.noAgency')} /></>;
  const required = [{ required: true, whitespace: true, message: t('form.required') }];
  const pick = [{ required: true, message: t('form.required') }];
  return (
    <>
      <RegistryNav />
      <PageHeader title={t('reg.title')} subtitle={t('reg.subtitle')} />
      <Card size="small">
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void send(v)}>
          <div className="mc-reg-form-grid">
            <Form.Item name="unitId" label={t('field.receivingAgency')} rules={pick}>
              <Select options={mine.map((a) => ({ value: a.unitId, label: a.unitName }))} />
            </Form.Item>
            <Form.Item name="channel" label={t('field.channel')} rules={pick}>
              <Radio.Group options={[{ value: 'paper', label: t('channel.paper') }, { value: 'electronic', label: t('channel.electronic') }]} />
            </Form.Item>
            <Form.Item name="arrivalOn" label={t('col.arrivalOn')}><DatePicker format={DATE_PATTERN} style={{ width: '100%' }} /></Form.Item>
          </div>
          <div className="mc-reg-form-grid">
            <Form.Item name="issuerName" label={t('col.issuer')} rules={required}><Input maxLength={300} /></Form.Item>
            <Form.Item name="symbol" label={t('col.symbol')} rules={required} extra={t('reg.symbolHint')}><Input maxLength={60} /></Form.Item>
            <Form.Item name="issuedOn" label={t('field.issuedOnIn')} rules={pick}><DatePicker format={DATE_PATTERN} style={{ width: '100%' }} /></Form.Item>
            <Form.Item name="docType" label={t('field.docType')} rules={pick}>
              <Select loading={types.isLoading} showSearch={{ optionFilterProp: 'label' }} options={(types.data ?? []).map((d) => ({ value: d.code, label: d.name }))} />
            </Form.Item>
          </div>
          <Form.Item name="subject" label={t('field.subject')} rules={required}><Input.TextArea rows={2} maxLength={500} showCount /></Form.Item>
          <div className="mc-reg-form-grid">
            <Form.Item name="signerName" label={t('field.signerName')}><Input maxLength={200} /></Form.Item>
            <Form.Item name="urgency" label={t('field.urgency')}><Select options={URGENCIES.map((u) => ({ value: u, label: t(`urgency.${u}`) }))} /></Form.Item>
            <Form.Item name="confidentiality" label={t('field.confidentiality')}><Select options={CONFIDENTIALITIES.map((c) => ({ value: c, label: t(`confidentiality.${c}`) }))} /></Form.Item>
            <Form.Item name="pages" label={t('field.pages')}><InputNumber min={1} max={10_000} style={{ width: '100%' }} /></Form.Item>
          </div>
          <Form.Item name="note" label={t('field.note')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} /> : null}
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={create.isPending}>{t('reg.submit')}</Button>
            <Link to={INCOMING_PATH}><Button>{ts('action.cancel')}</Button></Link>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
