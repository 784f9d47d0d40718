import { useMemo } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Form, Input, Select, Skeleton } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage } from '../../../shared/api';
import { useAuth } from '../../../shared/auth';
import { useLocale } from '../../../shared/i18n';
import { PageHeader } from '../../../shared/ui/PageHeader';
import {
  CHANNELS, COMPLEXITIES, KINDS, type CaseKind, type Channel, type Complexity, type FeedbackDraft, type ReceiveBody, useFeedbackDraft, useReceiveCase,
} from '../api-cases';
import { useCasesT, useInspectionT } from '../i18n';
import { InspectionNav } from '../InspectionNav';
import { CASES_PATH, COMPLAINT_HANDLE_ROLES, casePath, todayInVietnam } from '../paths';
import { StaffPicker, useStaffName } from '../StaffPicker';
import { DateField, Problem, useSend } from '../ui';
import { UnitPicker } from '../UnitPicker';
import '../inspection.css';

interface Values {
  kind: CaseKind;
  notEligibleReason?: string;
  handlingUnitId?: number;
  channel: Channel;
  sourceRef?: string;
  receivedOn?: string;
  party: { fullName?: string; idNumber?: string; address?: string; phone?: string; email?: string };
  subjectUnitId?: number;
  subjectStaffId?: number | null;
  summary?: string;
  learnedOn?: string;
  remoteArea: boolean;
  complexity: Complexity;
  severalPlaces: boolean;
}

const clean = (s: string | undefined | null) => (s?.trim() ? s.trim() : undefined);

/**
 * `/can-bo/thanh-tra/don/moi`: receiving a complaint or denunciation. With `?feedbackId=<code>` the form
 * starts from a feedback item about an official's conduct (the draft the server proposes), and the case
 * keeps that item as its source.
 */
export default function ReceivePage() {
  const t = useCasesT();
  const [params] = useSearchParams();
  const feedbackCode = clean(params.get('feedbackId')) ?? null;
  const draft = useFeedbackDraft(feedbackCode);
  const header = (
    <>
      <PageHeader title={t('receive.title')} subtitle={t('receive.subtitle')}
        extra={<Link to={CASES_PATH}><Button icon={<ArrowLeftOutlined aria-hidden />}>{t('receive.back')}</Button></Link>} />
      <InspectionNav />
    </>
  );
  if (feedbackCode && draft.isPending) return <>{header}<Card size="small"><Skeleton active paragraph={{ rows: 8 }} /></Card></>;
  return <>{header}<ReceiveForm feedbackCode={feedbackCode} draft={draft.data ?? null} draftError={draft.isError ? draft.error : null} /></>;
}

function ReceiveForm({ feedbackCode, draft, draftError }: { feedbackCode: string | null; draft: FeedbackDraft | null; draftError: unknown }) {
  const t = useCasesT();
  const ti = useInspectionT();
  const locale = useLocale();
  const { user } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const receive = useReceiveCase();
  const send = useSend(form, () => undefined);
  const kind = Form.useWatch('kind', form) ?? draft?.kind ?? 'denunciation';
  const subjectUnitId = Form.useWatch('subjectUnitId', form);
  const staffName = useStaffName(draft?.subjectStaffId);
  const required = ti('required');
  const complaint = kind === 'complaint_first' || kind === 'complaint_second';

  const initial = useMemo<Values>(() => {
    const ownUnit = user?.roles.find((g) => COMPLAINT_HANDLE_ROLES.includes(g.role))?.unitId;
    const base: Values = {
      kind: 'denunciation', channel: feedbackCode ? 'feedback' : 'desk', sourceRef: feedbackCode ?? undefined, receivedOn: todayInVietnam(),
      handlingUnitId: ownUnit === undefined ? undefined : Number(ownUnit), party: {}, remoteArea: false, complexity: 'normal', severalPlaces: false, subjectStaffId: null,
    };
    if (!draft) return base;
    const p = draft.party;
    return {
      ...base, kind: draft.kind, channel: draft.channel, sourceRef: draft.sourceRef, receivedOn: draft.receivedOn, summary: draft.summary,
      subjectUnitId: draft.subjectUnitId, subjectStaffId: draft.subjectStaffId, handlingUnitId: draft.handlingUnitId ?? base.handlingUnitId,
      party: { fullName: p.fullName, idNumber: p.idNumber ?? undefined, address: p.address ?? undefined, phone: p.phone ?? undefined, email: p.email ?? undefined },
    };
  }, [draft, feedbackCode, user]);

  const known = useMemo(() => {
    const name = draft?.subjectStaffName ?? staffName.data;
    return draft?.subjectStaffId && name ? { [draft.subjectStaffId]: name } : {};
  }, [draft, staffName.data]);

  const finish = async (v: Values) => {
    const p = v.party;
    const body: ReceiveBody = {
      kind: v.kind, handlingUnitId: v.handlingUnitId!, receivedOn: v.receivedOn!, channel: v.channel, sourceRef: clean(v.sourceRef),
      subjectUnitId: v.subjectUnitId!, subjectStaffId: v.subjectStaffId ?? undefined, summary: v.summary?.trim() ?? '',
      learnedOn: complaint ? v.learnedOn : undefined, remoteArea: v.remoteArea, complexity: v.complexity, severalPlaces: v.severalPlaces,
      notEligibleReason: v.kind === 'not_eligible' ? clean(v.notEligibleReason) : undefined,
      party: { fullName: p.fullName?.trim() ?? '', idNumber: clean(p.idNumber), address: clean(p.address), phone: clean(p.phone), email: clean(p.email) },
      ...(feedbackCode && v.channel === 'feedback' ? { feedbackId: draft?.feedbackId ?? feedbackCode } : {}),
    };
    let id = 0;
    if (await send.run(async () => { id = (await receive.mutateAsync(body)).id; })) {
      void message.success(t('receive.done', { id }));
      navigate(casePath(id));
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void finish(v)} scrollToFirstError>
      {draft ? <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('receive.fromFeedback', { code: draft.sourceRef })} /> : null}
      {draftError ? <Alert type="warning" showIcon role="alert" style={{ marginBottom: 16 }} title={t('receive.draftFailed', { code: feedbackCode ?? '', reason: errorMessage(draftError, locale) })} /> : null}
      <Flex vertical gap={16}>
        <Card size="small" title={t('receive.section.case')}>
          <div className="mc-insp-form-grid">
            <Form.Item name="kind" label={t('field.kind')} rules={[{ required: true, message: required }]}>
              <Select aria-label={t('field.kind')} options={KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))} />
            </Form.Item>
            <Form.Item name="handlingUnitId" label={t('field.handlingUnit')} rules={[{ required: true, message: required }]}>
              <UnitPicker ariaLabel={t('field.handlingUnit')} />
            </Form.Item>
            <DateField name="receivedOn" label={t('field.receivedOn')} required={required} />
            <Form.Item name="channel" label={t('field.channel')} rules={[{ required: true, message: required }]}>
              <Select aria-label={t('field.channel')} options={CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
            </Form.Item>
            <Form.Item name="sourceRef" label={t('field.sourceRef')} extra={t('hint.sourceRef')}><Input maxLength={100} /></Form.Item>
          </div>
          {kind === 'not_eligible' ? (
            <Form.Item name="notEligibleReason" label={t('field.notEligibleReason')} extra={t('hint.notEligible')} rules={[{ required: true, whitespace: true, message: required }]}>
              <Input.TextArea rows={2} maxLength={4000} />
            </Form.Item>
          ) : null}
          <Form.Item name="summary" label={t('field.summary')} rules={[{ required: true, whitespace: true, message: required }]}>
            <Input.TextArea rows={5} maxLength={8000} showCount />
          </Form.Item>
        </Card>

        <Card size="small" title={t('receive.section.party')} className={kind === 'denunciation' ? 'mc-insp-secret' : undefined}>
          {kind === 'denunciation' ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('hint.secret')} /> : null}
          <div className="mc-insp-form-grid">
            <Form.Item name={['party', 'fullName']} label={t('field.fullName')} rules={[{ required: true, whitespace: true, message: required }]}><Input maxLength={200} autoComplete="off" /></Form.Item>
            <Form.Item name={['party', 'idNumber']} label={t('field.idNumber')} extra={t('hint.idNumber')}><Input maxLength={12} inputMode="numeric" autoComplete="off" /></Form.Item>
            <Form.Item name={['party', 'phone']} label={t('field.phone')}><Input maxLength={20} inputMode="tel" autoComplete="off" /></Form.Item>
            <Form.Item name={['party', 'email']} label={t('field.email')}><Input maxLength={200} inputMode="email" autoComplete="off" /></Form.Item>
          </div>
          <Form.Item name={['party', 'address']} label={t('field.address')}><Input maxLength={500} autoComplete="off" /></Form.Item>
        </Card>

        <Card size="small" title={t('receive.section.subject')}>
          <div className="mc-insp-form-grid">
            <Form.Item name="subjectUnitId" label={t('field.subjectUnit')} rules={[{ required: true, message: required }]}>
              <UnitPicker ariaLabel={t('field.subjectUnit')} />
            </Form.Item>
            <Form.Item name="subjectStaffId" label={t('field.subjectStaff')} extra={ti('staff.notInReach')}>
              <StaffPicker ariaLabel={t('field.subjectStaff')} unitId={subjectUnitId} known={known} noneLabel={t('hint.noStaff')} />
            </Form.Item>
          </div>
        </Card>

        <Card size="small" title={t('receive.section.clock')}>
          <div className="mc-insp-form-grid">
            {complaint ? <DateField name="learnedOn" label={t('field.learnedOn')} extra={t('hint.learnedOn')} /> : null}
            <Form.Item name="complexity" label={t('field.complexity')}>
              <Select aria-label={t('field.complexity')} options={COMPLEXITIES.map((c) => ({ value: c, label: t(`complexity.${c}`) }))} />
            </Form.Item>
          </div>
          {complaint ? (
            <Form.Item name="remoteArea" valuePropName="checked" extra={t('hint.remote')}><Checkbox>{t('field.remoteArea')}</Checkbox></Form.Item>
          ) : null}
          {kind === 'denunciation' ? (
            <Form.Item name="severalPlaces" valuePropName="checked" extra={t('hint.severalPlaces')}><Checkbox>{t('field.severalPlaces')}</Checkbox></Form.Item>
          ) : null}
        </Card>

        <Problem text={send.problem} />
        <Flex gap={8} wrap>
          <Button type="primary" htmlType="submit" loading={send.pending}>{t('receive.submit')}</Button>
          <Link to={CASES_PATH}><Button>{ti('cancel')}</Button></Link>
        </Flex>
      </Flex>
    </Form>
  );
}
