import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router-dom';
import { DATE_PATTERN } from '../../shared/format';
import { useT } from '../../shared/i18n';
import { useProcedureList } from '../catalog/api';
import { useCreateReviewPlan, useReviewUnits, useUpdateReviewPlan } from './api';
import { useReviewT } from './i18n';
import { reviewPlanPath } from './paths';
import type { ReviewPlan } from './types';
import { useFormSubmit } from './useFormSubmit';

/**
 * A procedure of the public catalogue in force, found by its name or code (GET /procedures?q=, the
 * catalogue's own accent-free search); `known` names the codes already chosen so they keep their names.
 */
export function ProcedurePicker({ value, onChange, id, known, ...rest }: {
  value?: string; onChange?: (code: string | undefined) => void; id?: string; known?: Map<string, string>; 'aria-label'?: string; 'aria-invalid'?: boolean;
}) {
  const t = useReviewT();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const list = useProcedureList({ q: q || undefined, pageSize: 20 });
  const [seen, setSeen] = useState<Map<string, string>>(() => new Map(known));
  const options = useMemo(() => {
    const labels = new Map(seen);
    for (const p of list.data?.items ?? []) labels.set(p.code, `${p.name} (${p.code})`);
    return [...labels.entries()].map(([v, label]) => ({ value: v, label }));
  }, [seen, list.data]);
  return (
    <Select {...rest} id={id} value={value} allowClear placeholder={t('picker.procedure')} loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setTyped }} options={options} popupMatchSelectWidth={false} style={{ width: '100%' }}
      notFoundContent={list.isFetching ? t('picker.searching') : t('picker.none')}
      onChange={(code?: string) => {
        const item = list.data?.items.find((p) => p.code === code);
        if (item) setSeen((m) => new Map(m).set(item.code, `${item.name} (${item.code})`));
        setTyped('');
        onChange?.(code);
      }} />
  );
}

interface ItemValues { procedureCode?: string; dueOn?: Dayjs | null; leadUnitId?: number | null }
interface Values { agencyUnitId?: number; year?: number; title?: string; items?: ItemValues[] }

type Props = { onClose: () => void } & ({ mode: 'create'; year: number } | { mode: 'edit'; plan: ReviewPlan });

/** "Lập / sửa kế hoạch rà soát": the agency and year (on creating), the title and the procedures with their due days and lead units. */
export function ReviewPlanDialog(props: Props) {
  const t = useReviewT();
  const ts = useT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const { problem, pending, run } = useFormSubmit(form, props.onClose);
  const units = useReviewUnits();
  const create = useCreateReviewPlan();
  const update = useUpdateReviewPlan(props.mode === 'edit' ? props.plan.id : 0);
  const all = units.data?.items ?? [];
  const manageable = all.filter((u) => u.manage);
  const plan = props.mode === 'edit' ? props.plan : null;
  const known = useMemo(() => new Map((plan?.items ?? []).map((i) => [i.procedureCode, `${i.procedureName} (${i.procedureCode})`])), [plan]);
  const year = props.mode === 'edit' ? props.plan.year : props.year;
  const initial: Values = plan
    ? { title: plan.title, items: plan.items.map((i) => ({ procedureCode: i.procedureCode, dueOn: dayjs(i.dueOn), leadUnitId: i.leadUnitId })) }
    : { agencyUnitId: manageable.length === 1 ? manageable[0]!.id : undefined, year, title: t('rp.defaultTitle', { year }), items: [{ dueOn: dayjs(`${year}-12-15`) }] };

  const send = (v: Values) => void run(async () => {
    const items = (v.items ?? []).map((i) => ({
      procedureCode: i.procedureCode!, dueOn: i.dueOn!.format('YYYY-MM-DD'), ...(i.leadUnitId ? { leadUnitId: i.leadUnitId } : {}),
    }));
    if (props.mode === 'create') {
      const created = await create.mutateAsync({ agencyUnitId: v.agencyUnitId!, year: v.year!, title: v.title?.trim() ?? '', items });
      void message.success(t('rp.created'));
      props.onClose();
      navigate(reviewPlanPath(created.id));
    } else {
      await update.mutateAsync({ title: v.title?.trim() ?? '', items, version: props.plan.version });
      void message.success(t('rp.saved'));
      props.onClose();
    }
  });

  const required = [{ required: true, message: t('common.required') }];
  const unitOptions = all.map((u) => ({ value: u.id, label: u.name }));
  return (
    <Modal open title={t(props.mode === 'create' ? 'rp.dialogCreate' : 'rp.dialogEdit')} okText={t(props.mode === 'create' ? 'common.create' : 'common.save')}
      cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }} onOk={() => form.submit()} onCancel={props.onClose} destroyOnHidden width={920}>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={send}>
        {props.mode === 'create' ? (
          <div className="mc-pr-item-row" style={{ gridTemplateColumns: 'minmax(0, 1fr) 140px' }}>
            <Form.Item name="agencyUnitId" label={t('field.agency')} rules={required}>
              <Select options={manageable.map((u) => ({ value: u.id, label: u.name }))} loading={units.isPending} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item name="year" label={t('field.year')} rules={required}>
              <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </div>
        ) : null}
        <Form.Item name="title" label={t('field.title')} rules={[{ required: true, whitespace: true, message: t('common.required') }, { min: 3, message: t('rp.titleShort') }]}>
          <Input maxLength={500} />
        </Form.Item>
        <Typography.Text strong id="rp-items-label">{t('field.items')}</Typography.Text>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <div role="group" aria-labelledby="rp-items-label" style={{ marginTop: 8 }}>
              {fields.length ? (
                <div className="mc-pr-item-row mc-pr-muted" aria-hidden>
                  <span>{t('field.procedure')}</span><span>{t('field.dueOn')}</span><span>{t('field.leadUnit')}</span><span />
                </div>
              ) : <Typography.Paragraph type="secondary">{t('rp.noItems')}</Typography.Paragraph>}
              {fields.map((field, index) => (
                <div key={field.key} className="mc-pr-item-row">
                  <Form.Item name={[field.name, 'procedureCode']} rules={[...required, {
                    validator: (_, code?: string) => {
                      const rows = (form.getFieldValue('items') as ItemValues[] | undefined) ?? [];
                      return code && rows.some((x, i) => i !== index && x?.procedureCode === code) ? Promise.reject(new Error(t('rp.duplicate'))) : Promise.resolve();
                    },
                  }]}>
                    <ProcedurePicker aria-label={t('field.procedureN', { n: index + 1 })} known={known} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'dueOn']} rules={required}>
                    <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} aria-label={t('field.dueOnN', { n: index + 1 })} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'leadUnitId']}>
                    <Select allowClear options={unitOptions} placeholder={t('field.leadUnitNone')} aria-label={t('field.leadUnitN', { n: index + 1 })}
                      popupMatchSelectWidth={false} showSearch={{ optionFilterProp: 'label' }} />
                  </Form.Item>
                  <Button type="text" danger icon={<MinusCircleOutlined aria-hidden />} aria-label={t('rp.removeItem', { n: index + 1 })} onClick={() => remove(field.name)} />
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ dueOn: dayjs(`${form.getFieldValue('year') ?? year}-12-15`) })}>{t('rp.addItem')}</Button>
            </div>
          )}
        </Form.List>
        {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 12 }} /> : null}
      </Form>
    </Modal>
  );
}
