import { useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Flex, Form, Result, Select, Skeleton } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { errorMessage, isApiError } from '../../../shared/api';
import { sameId, useAuth } from '../../../shared/auth';
import { useLocale, useT } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { useAgencies, useCreateOutgoing, useDocument, useDocumentAction } from '../api';
import { useRegistryT } from '../i18n';
import { OUTGOING_PATH, documentPath, idParam } from '../paths';
import { UnitPicker, subtreeOf, useOpenUnits } from '../pickers';
import { RegistryNav } from '../RegistryNav';
import type { DocumentDetail, OutgoingBody } from '../types';
import { DraftFields, type DraftValues } from './DraftFields';

/** The create body from the form (API.md "Outgoing": recipients are units of the province or names outside). */
function bodyOf(v: DraftValues): OutgoingBody {
  const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);
  return {
    draftingUnitId: Number(v.draftingUnitId),
    docType: v.docType ?? '',
    legal: v.legal || undefined,
    subject: v.subject?.trim() ?? '',
    body: v.body ?? '',
    recipients: [...(v.recipientUnits ?? []).map((unitId) => ({ unitId })), ...(v.recipientNames ?? []).map((n) => n.trim()).filter(Boolean).map((name) => ({ name }))],
    urgency: v.urgency,
    confidentiality: v.confidentiality,
    approverStaffId: v.approverStaffId || undefined,
    signingPrefix: v.signingPrefix || undefined,
    signerTitle: opt(v.signerTitle),
    pages: v.pages ?? undefined,
    copies: v.copies ?? undefined,
    note: opt(v.note),
  };
}

function valuesOf(d: DocumentDetail): DraftValues {
  return {
    agencyId: d.unitId, draftingUnitId: d.draftingUnitId ?? undefined, docType: d.docType, legal: d.legal, subject: d.subject, body: d.body ?? '',
    recipientUnits: d.recipients.filter((r) => r.unitId !== null).map((r) => r.unitId!), recipientNames: d.recipients.filter((r) => r.unitId === null).map((r) => r.name),
    urgency: d.urgency, confidentiality: d.confidentiality, approverStaffId: d.approver?.id ?? null, signingPrefix: d.signingPrefix ?? '',
    signerTitle: d.signerTitle ?? '', pages: d.pages, copies: d.copies, note: d.note ?? '',
  };
}

/** `/can-bo/van-thu/van-ban-di/soan` and `/can-bo/van-thu/van-ban/:id/sua`: a draft, new or being edited. */
export default function DraftPage() {
  const t = useRegistryT();
  const raw = useParams().id;
  const id = raw === undefined ? null : idParam(raw);
  const doc = useDocument(id ?? 0);
  if (raw !== undefined && id === null) return <Result status="404" title={t('doc.notFound')} />;
  if (id === null) return <DraftForm />;
  if (doc.isPending) return <><RegistryNav /><PageHeader title={t('draft.editTitle')} /><Card size="small"><Skeleton active /></Card></>;
  if (doc.isError) return <><RegistryNav /><PageHeader title={t('draft.editTitle')} /><ErrorResult error={doc.error} onRetry={() => void doc.refetch()} /></>;
  return <DraftForm doc={doc.data} />;
}

function DraftForm({ doc }: { doc?: DocumentDetail }) {
  const t = useRegistryT();
  const ts = useT();
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { user } = useAuth();
  const agencies = useAgencies();
  const units = useOpenUnits();
  const create = useCreateOutgoing();
  const edit = useDocumentAction('out', doc?.id ?? 0);
  const [form] = Form.useForm<DraftValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const busy = useRef(false);
  const mine = (agencies.data ?? []).filter((a) => a.may.draft);
  const agencyId = Form.useWatch<number | undefined>('agencyId', form) ?? doc?.unitId;
  const within = useMemo(() => (agencyId ? subtreeOf(agencyId, units.data) : []), [agencyId, units.data]);
  const initial = useMemo<DraftValues>(() => {
    if (doc) return valuesOf(doc);
    const first = mine.find((a) => user?.unit && subtreeOf(a.unitId, units.data).some((u) => sameId(u.id, user.unit!.id))) ?? mine[0];
    const ownUnit = user?.unit && first && subtreeOf(first.unitId, units.data).some((u) => sameId(u.id, user.unit!.id)) ? Number(user.unit.id) : first?.unitId;
    return { agencyId: first?.unitId, draftingUnitId: ownUnit, urgency: 'normal', confidentiality: 'normal', signingPrefix: '', recipientUnits: [], recipientNames: [] };
  }, [doc, mine, user, units.data]);

  const send = async (v: DraftValues) => {
    if (busy.current) return;
    busy.current = true;
    setProblem(null);
    try {
      const body = bodyOf(v);
      // Editing, an emptied optional field is cleared (null), not left as it was.
      const saved = doc ? await edit.mutateAsync({
        action: 'edit', version: doc.version, ...body, legal: !!v.legal, approverStaffId: body.approverStaffId ?? null, signerTitle: body.signerTitle ?? null,
        signingPrefix: body.signingPrefix ?? null, pages: body.pages ?? null, copies: body.copies ?? null, note: body.note ?? null,
      }) : await create.mutateAsync(body);
      void message.success(doc ? t('draft.saved') : t('draft.created'));
      navigate(documentPath(saved.id));
    } catch (error) {
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    } finally {
      busy.current = false;
    }
  };

  if (!doc && (agencies.isPending || units.isLoading)) return <><RegistryNav /><PageHeader title={t('draft.title')} /><Card size="small"><Skeleton active /></Card></>;
  if (!doc && mine.length === 0) {
    return <><RegistryNav /><PageHeader title={t('draft.title')} /><Result status="info" title={t('draft.noAgency')} subTitle={t('draft.noAgencyHint')} /></>;
  }
  return (
    <>
      <RegistryNav />
      <PageHeader title={doc ? t('draft.editTitle') : t('draft.title')} subtitle={doc ? doc.subject : t('draft.subtitle')} />
      <Card size="small">
        <Form<DraftValues> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void send(v)}
          onValuesChange={(changed: DraftValues) => {
            // Another agency: the drafting unit must be one of its own.
            if ('agencyId' in changed) form.setFieldsValue({ draftingUnitId: changed.agencyId, approverStaffId: null });
          }}>
          <div className="mc-reg-form-grid">
            <Form.Item name="agencyId" label={t('field.agency')} rules={[{ required: true, message: t('form.required') }]}>
              <Select disabled={!!doc} options={doc ? [{ value: doc.unitId, label: doc.unitName }] : mine.map((a) => ({ value: a.unitId, label: a.unitName }))} />
            </Form.Item>
            <Form.Item name="draftingUnitId" label={t('field.draftingUnit')} rules={[{ required: true, message: t('form.required') }]}>
              <UnitPicker units={within} aria-label={t('field.draftingUnit')} />
            </Form.Item>
          </div>
          <DraftFields agencyId={agencyId} approverName={doc?.approver ? { [doc.approver.id]: doc.approver.fullName } : undefined} />
          {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} /> : null}
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={create.isPending || edit.isPending}>{doc ? t('draft.save') : t('draft.create')}</Button>
            <Link to={doc ? documentPath(doc.id) : OUTGOING_PATH}><Button>{ts('action.cancel')}</Button></Link>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
