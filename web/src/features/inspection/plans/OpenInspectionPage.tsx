import { useEffect, useMemo } from 'react';
import { App, Button, Card, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../../shared/auth';
import { formatDate } from '../../../shared/format';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { InspectionNav } from '../InspectionNav';
import { idParam, todayInVietnam } from '../paths';
import { DateField, Problem, useSend } from '../ui';
import { type OpenInspectionBody, useOpenInspection } from './api-inspections';
import { usePlan, usePlans } from './api-plans';
import { type TeamRow, TeamFields, TopicSelect, teamBody } from './fields';
import { useInspectionsT, usePlansT } from './i18n';
import { INSPECTION_KINDS, useCodes } from './labels';
import { INSPECTIONS_PATH, PLAN_MANAGE_ROLES, inspectionPath } from './paths';
import { UnitChoice, useCovers, useGrantUnit, useMyStaffId } from './units';
import '../inspection.css';
import './plans.css';

interface Values {
  kind: 'planned' | 'surprise';
  planId?: number; planItemId?: number;
  inspectingUnitId?: number; targetUnitId?: number; topics?: string[]; surpriseReason?: string; triggerRef?: string;
  decisionNo?: string; decisionDate?: string; onSiteFrom?: string; onSiteTo?: string; coversFrom?: string; coversTo?: string;
  team?: TeamRow[];
}

const opt = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

function bodyOf(v: Values): OpenInspectionBody {
  const decision = v.decisionNo?.trim() || v.decisionDate ? { decisionNo: opt(v.decisionNo), decisionDate: v.decisionDate } : {};
  const common = { ...decision, coversFrom: v.coversFrom!, coversTo: v.coversTo!, team: teamBody(v.team) };
  if (v.kind === 'planned') {
    // Topics left empty: the plan item's own.
    return { kind: 'planned', planItemId: v.planItemId!, topics: (v.topics?.length ? v.topics : undefined) as never, onSiteFrom: v.onSiteFrom, onSiteTo: v.onSiteTo, ...common };
  }
  return {
    kind: 'surprise', inspectingUnitId: v.inspectingUnitId!, targetUnitId: v.targetUnitId!, topics: (v.topics ?? []) as never, surpriseReason: v.surpriseReason?.trim() ?? '',
    triggerRef: opt(v.triggerRef), onSiteFrom: v.onSiteFrom!, onSiteTo: v.onSiteTo!, ...common,
  };
}

/**
 * `/can-bo/thanh-tra/cuoc-thanh-tra/moi`: opens an inspection from an item of an approved plan
 * (`?planId=&itemId=` from the plan's page) or a surprise one with its reason, with its team. The
 * decision may come later; it is needed to start at the unit.
 */
export default function OpenInspectionPage() {
  const t = useInspectionsT();
  const tp = usePlansT();
  const codes = useCodes();
  const { message } = App.useApp();
  const { user } = useAuth();
  const me = useMyStaffId();
  const covers = useCovers();
  const home = useGrantUnit(PLAN_MANAGE_ROLES);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<Values>();
  const open = useOpenInspection();
  const send = useSend(form, () => undefined);
  const today = todayInVietnam();
  const required = tp('required');
  const rule = [{ required: true, message: required }];

  const kind = Form.useWatch('kind', form) ?? 'planned';
  const planId = Form.useWatch('planId', form) ?? null;
  const itemId = Form.useWatch('planItemId', form) ?? null;
  const inspectingUnitId = Form.useWatch('inspectingUnitId', form) ?? null;
  const plans = usePlans({ status: 'approved' });
  const plan = usePlan(planId);
  const planOptions = (plans.data?.pages.flatMap((p) => p.plans) ?? []).filter((p) => covers(PLAN_MANAGE_ROLES, p.inspectingUnitId) && p.itemCount > 0);
  const freeItems = useMemo(() => (plan.data?.items ?? []).filter((i) => !i.cancelledOn && !i.inspection), [plan.data]);
  const item = freeItems.find((i) => i.id === itemId) ?? null;
  const known = useMemo(() => ({ ...(me && user ? { [me]: user.fullName } : {}), ...(item?.lead ? { [item.lead.id]: item.lead.fullName } : {}) }), [me, user, item]);

  // An item chosen (or prefilled from the plan's page) brings its topics and its planned lead.
  useEffect(() => {
    if (!item) return;
    const lead = item.lead?.id ?? me;
    form.setFieldsValue({ topics: item.topics, team: lead ? [{ staffId: lead, role: 'lead' }] : [{ staffId: null, role: 'lead' }] });
  }, [item, me, form]);

  const finish = async (v: Values) => {
    let id = 0;
    if (await send.run(async () => { id = (await open.mutateAsync(bodyOf(v))).id; })) {
      void message.success(t('open.done'));
      navigate(inspectionPath(id), { replace: true });
    }
  };
  const fromPlan = idParam(params.get('planId'));
  const initial: Values = {
    kind: params.get('kind') === 'surprise' ? 'surprise' : 'planned',
    planId: fromPlan ?? undefined, planItemId: idParam(params.get('itemId')) ?? undefined,
    inspectingUnitId: home ?? undefined,
    coversFrom: `${today.slice(0, 4)}-01-01`, coversTo: today,
    team: [{ staffId: me, role: 'lead' }],
  };

  return (
    <>
      <PageHeader title={t('open.title')} extra={<Link to={INSPECTIONS_PATH}><Button icon={<ArrowLeftOutlined aria-hidden />}>{t('insp.back')}</Button></Link>} />
      <InspectionNav />
      <Card size="small">
        <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void finish(v)} style={{ maxWidth: 880 }}>
          <Form.Item name="kind" label={t('open.kind')}>
            <Radio.Group aria-label={t('open.kind')} options={INSPECTION_KINDS.map((k) => ({ value: k, label: codes.kind(k) }))} />
          </Form.Item>
          {kind === 'planned' ? (
            <>
              <Form.Item name="planId" label={t('open.plan')} rules={rule} extra={plans.isSuccess && !planOptions.length ? t('open.noPlans') : undefined}>
                <Select aria-label={t('open.plan')} loading={plans.isLoading} onChange={() => form.setFieldValue('planItemId', undefined)}
                  options={planOptions.map((p) => ({ value: p.id, label: `${p.title} (${p.inspectingUnitName})` }))} popupMatchSelectWidth={false} />
              </Form.Item>
              <Form.Item name="planItemId" label={t('open.item')} rules={rule} extra={plan.data && !freeItems.length ? t('open.noItems') : undefined}>
                <Select aria-label={t('open.item')} loading={plan.isLoading} disabled={!planId} popupMatchSelectWidth={false}
                  options={freeItems.map((i) => ({ value: i.id, label: t('open.itemLabel', { unit: i.targetUnitName, from: formatDate(i.plannedFrom), to: formatDate(i.plannedTo) }) }))} />
              </Form.Item>
            </>
          ) : (
            <>
              <div className="mc-insp-form-grid">
                <Form.Item name="inspectingUnitId" label={t('open.inspecting')} rules={rule}>
                  <UnitChoice ariaLabel={t('open.inspecting')} only={(u) => covers(PLAN_MANAGE_ROLES, u.id)} />
                </Form.Item>
                <Form.Item name="targetUnitId" label={t('open.target')} rules={rule}>
                  <UnitChoice ariaLabel={t('open.target')} only={(u) => u.id !== inspectingUnitId} />
                </Form.Item>
              </div>
              <Form.Item name="surpriseReason" label={t('open.reason')} rules={[{ required: true, whitespace: true, min: 3, message: required }]}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
              <Form.Item name="triggerRef" label={t('open.trigger')} extra={t('open.triggerHint')}><Input maxLength={100} /></Form.Item>
            </>
          )}
          <Form.Item name="topics" label={t('dlg.topics')} rules={[{ required: kind === 'surprise', type: 'array', min: kind === 'surprise' ? 1 : 0, message: required }]}>
            <TopicSelect ariaLabel={t('dlg.topics')} />
          </Form.Item>
          <div className="mc-insp-form-grid">
            <Form.Item name="decisionNo" label={t('dlg.decisionNo')} extra={t('dlg.decisionHint')}><Input maxLength={60} placeholder="31/QĐ-TTr" /></Form.Item>
            <DateField name="decisionDate" label={t('dlg.decisionDate')} />
            <DateField name="onSiteFrom" label={t('dlg.onSiteFrom')} required={kind === 'surprise' ? required : undefined} extra={kind === 'planned' ? t('open.onSiteDefault') : undefined} />
            <DateField name="onSiteTo" label={t('dlg.onSiteTo')} required={kind === 'surprise' ? required : undefined} />
            <DateField name="coversFrom" label={t('dlg.coversFrom')} required={required} />
            <DateField name="coversTo" label={t('dlg.coversTo')} required={required} />
          </div>
          <Typography.Title level={2} className="mc-page-h2" style={{ fontSize: 16 }}>{t('open.team')}</Typography.Title>
          <Typography.Paragraph type="secondary">{t('dlg.teamHint')}</Typography.Paragraph>
          <TeamFields name="team" unitId={kind === 'planned' ? plan.data?.inspectingUnitId ?? null : inspectingUnitId} known={known} />
          <Problem text={send.problem} />
          <Flex gap={8} wrap>
            <Button type="primary" htmlType="submit" loading={send.pending}>{t('open.submit')}</Button>
            <Link to={INSPECTIONS_PATH}><Button>{tp('cancel')}</Button></Link>
          </Flex>
        </Form>
      </Card>
    </>
  );
}
