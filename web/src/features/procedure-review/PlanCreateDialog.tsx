import { useEffect, useRef } from 'react';
import { Alert, Form, Input, InputNumber, Modal, Skeleton, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../shared/i18n';
import { useProcedureCost, useReviewUnits } from './api';
import { useCreatePlan } from './api-forms';
import { Problem, usePageSubmit } from './forms-ui';
import { AgencySelect, ProcedureSelect } from './forms-pickers';
import { useFormsT } from './i18n-forms';
import { planPath, reviewPath } from './paths';
import { type ChangesValues, changesFieldOf, changesOf, changesValuesOf, PlanChangesForm, sourceOfCost } from './PlanChangesForm';

type Values = Partial<ChangesValues> & { procedureCode?: string | null; agencyUnitId?: number | null; year?: number | null; title?: string; rationale?: string };
export type PlanPrefill = { code: string; unitId?: number; reviewId?: number } | null;

const OWN_FIELDS = ['procedureCode', 'agencyUnitId', 'year', 'title', 'rationale'];
const fieldOf = (path: string[]) => (OWN_FIELDS.includes(path[0] ?? '') ? [path[0]!] : changesFieldOf(path));

/**
 * "Lập phương án đơn giản hóa": which procedure, for which agency and year, its title, and at least one
 * change to its version in force (the documents, fees and time limit are read from the procedure's cost
 * for that agency); the figures before and after are on the plan's page, where the changes can be edited.
 */
export function PlanCreateDialog({ prefill, year, onClose }: { prefill: PlanPrefill; year: number; onClose: () => void }) {
  const t = useFormsT();
  const ts = useT();
  const navigate = useNavigate();
  const units = useReviewUnits();
  const [form] = Form.useForm<Values>();
  const create = useCreatePlan();
  const submit = usePageSubmit(form, () => undefined, fieldOf);
  const managed = (units.data?.items ?? []).filter((u) => u.manage);
  const unit = prefill?.unitId && managed.some((u) => u.id === prefill.unitId) ? prefill.unitId : managed.length === 1 ? managed[0]!.id : undefined;
  const code = Form.useWatch('procedureCode', form) ?? prefill?.code ?? null;
  const agency = Form.useWatch('agencyUnitId', form) ?? unit;
  const cost = useProcedureCost(code ?? undefined, { unitId: agency ?? undefined });
  const current = cost.data && cost.data.procedureCode === code ? cost.data : undefined;
  const source = current ? sourceOfCost(current) : null;

  // The title follows the procedure chosen until the user writes their own.
  const suggested = useRef<string>('');
  useEffect(() => {
    if (!current) return;
    const title = form.getFieldValue('title') as string | undefined;
    if (!title || title === suggested.current) {
      // "…thủ tục cấp giấy phép…": the name continues the sentence.
      suggested.current = t('plans.defaultTitle', { name: current.procedureName.charAt(0).toLocaleLowerCase('vi') + current.procedureName.slice(1) });
      form.setFieldValue('title', suggested.current);
    }
    // Another procedure: its own documents and fees, nothing chosen yet.
    form.setFieldsValue(changesValuesOf(sourceOfCost(current)));
  }, [current?.procedureCode]); // eslint-disable-line react-hooks/exhaustive-deps

  const finish = async (v: Values) => {
    if (!source) return;
    const plan = await submit.run(() => create.mutateAsync({
      procedureCode: v.procedureCode!, agencyUnitId: v.agencyUnitId!, year: v.year!, title: (v.title ?? '').trim(),
      ...(v.rationale?.trim() ? { rationale: v.rationale.trim() } : {}), ...(prefill?.reviewId ? { reviewId: prefill.reviewId } : {}),
      changes: changesOf(v as ChangesValues, source),
    }));
    if (plan) navigate(planPath(plan.id));
  };
  const required = [{ required: true, message: t('common.required') }];
  return (
    <Modal open title={t('plans.create')} okText={t('plans.createOk')} cancelText={ts('action.cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: submit.pending, disabled: !source }} destroyOnHidden width={760}>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void finish(v)}
        initialValues={{ procedureCode: prefill?.code ?? null, agencyUnitId: unit ?? null, year, title: '' }}>
        {prefill?.reviewId ? (
          <Typography.Paragraph type="secondary">{t('plans.fromReview')} <Link to={reviewPath(prefill.reviewId)}>{t('plans.reviewNo', { id: prefill.reviewId })}</Link></Typography.Paragraph>
        ) : null}
        <Form.Item name="procedureCode" label={t('field.procedure')} rules={required}>
          <ProcedureSelect aria-label={t('field.procedure')} known={prefill ? { code: prefill.code, name: current?.procedureName ?? '' } : null} />
        </Form.Item>
        <div className="mc-prf-grid">
          <Form.Item name="agencyUnitId" label={t('field.agency')} rules={required}>
            <AgencySelect manage aria-label={t('field.agency')} />
          </Form.Item>
          <Form.Item name="year" label={t('field.planYear')} rules={required}>
            <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: 140 }} />
          </Form.Item>
        </div>
        <Form.Item name="title" label={t('field.planTitle')} rules={[{ required: true, whitespace: true, min: 3, message: t('common.min3') }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="rationale" label={t('field.rationale')}>
          <Input.TextArea rows={2} maxLength={8000} />
        </Form.Item>
        <Typography.Title level={3} className="mc-prf-h3">{t('plan.changes')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('plans.changesHint')}</Typography.Paragraph>
        {!code || !agency ? <Typography.Paragraph type="secondary">{t('plans.chooseFirst')}</Typography.Paragraph>
          : cost.isError ? <Alert type="error" showIcon title={t('plans.costError')} />
            : source ? <PlanChangesForm source={source} /> : <Skeleton active paragraph={{ rows: 4 }} />}
        <Problem text={submit.problem} />
      </Form>
    </Modal>
  );
}
