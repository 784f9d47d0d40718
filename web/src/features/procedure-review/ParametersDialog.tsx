import { Alert, App, Divider, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useT } from '../../shared/i18n';
import { useSaveParameters } from './api';
import { groupDigits, rateVnd, ungroupDigits } from './format';
import { useReviewT } from './i18n';
import type { Defaults, Parameters } from './types';
import { useFormSubmit } from './useFormSubmit';

const HOURS: (keyof Defaults)[] = ['informationHours', 'formHours', 'documentHours', 'certifyHours', 'travelHours', 'waitingHours', 'supplementHours'];
const MONEY: (keyof Defaults)[] = ['certifyVndPerCopy', 'copyVndPerCopy', 'travelVnd'];
/** The order the form shows them: as the cost sheet meets them (information, documents, copies, trips, supplements). */
const ORDER: (keyof Defaults)[] = ['informationHours', 'formHours', 'documentHours', 'certifyHours', 'certifyVndPerCopy', 'copyVndPerCopy', 'travelHours', 'waitingHours', 'travelVnd', 'supplementHours'];

interface Values {
  year?: number; monthlyIncomeVnd?: number | null; workingDaysPerMonth?: number | null; hoursPerDay?: number | null; source?: string;
  defaults?: Partial<Record<keyof Defaults, number | null>>;
}

type Props = { onClose: () => void; taken: number[] } & ({ mode: 'create'; from?: Parameters; year: number } | { mode: 'edit'; row: Parameters });

/** "Thêm / sửa tham số năm": the wage rate's three figures with their source, and the ten default estimates. */
export function ParametersDialog(props: Props) {
  const t = useReviewT();
  const ts = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { problem, pending, run } = useFormSubmit(form, props.onClose);
  const save = useSaveParameters();
  const base = props.mode === 'edit' ? props.row : props.from;
  const initial: Values = {
    year: props.mode === 'edit' ? props.row.year : props.year,
    monthlyIncomeVnd: base?.monthlyIncomeVnd ?? null, workingDaysPerMonth: base?.workingDaysPerMonth ?? 22, hoursPerDay: base?.hoursPerDay ?? 8,
    source: base?.source ?? '', defaults: base ? { ...base.defaults } : {},
  };
  const income = Form.useWatch('monthlyIncomeVnd', form);
  const days = Form.useWatch('workingDaysPerMonth', form);
  const perDay = Form.useWatch('hoursPerDay', form);
  const rate = income && days && perDay ? Math.round((income / (days * perDay)) * 100) / 100 : null;

  const send = (v: Values) => void run(async () => {
    const year = props.mode === 'edit' ? props.row.year : v.year!;
    const defaults = Object.fromEntries(ORDER.map((k) => [k, v.defaults?.[k] ?? 0])) as Defaults;
    await save.mutateAsync({
      year,
      body: {
        monthlyIncomeVnd: v.monthlyIncomeVnd ?? 0, workingDaysPerMonth: v.workingDaysPerMonth ?? 0, hoursPerDay: v.hoursPerDay ?? 0,
        source: v.source?.trim() ?? '', defaults, ...(props.mode === 'edit' ? { version: props.row.version } : {}),
      },
    });
    void message.success(t('param.saved', { year }));
    props.onClose();
  });

  const required = [{ required: true, message: t('common.required') }];
  const title = props.mode === 'edit' ? t('param.editYear', { year: props.row.year }) : t('param.createYear');
  return (
    <Modal open title={title} okText={t('common.save')} cancelText={ts('action.cancel')} okButtonProps={{ loading: pending }}
      onOk={() => form.submit()} onCancel={props.onClose} destroyOnHidden width={760}>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={send}>
        <div className="mc-pr-defaults">
          {props.mode === 'create' ? (
            <Form.Item name="year" label={t('field.year')} rules={[...required, {
              validator: (_, y?: number) => (y && props.taken.includes(y) ? Promise.reject(new Error(t('param.yearTaken', { year: y }))) : Promise.resolve()),
            }]}>
              <InputNumber<number> min={2000} max={2100} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          ) : null}
          <Form.Item name="monthlyIncomeVnd" label={t('field.monthlyIncomeVnd')} rules={required}>
            <InputNumber<number> min={1} max={1_000_000_000} precision={0} step={100_000} style={{ width: '100%' }} suffix={t('common.perMonth')}
              formatter={(x) => groupDigits(x)} parser={(text) => ungroupDigits(text)} />
          </Form.Item>
          <Form.Item name="workingDaysPerMonth" label={t('field.workingDaysPerMonth')} rules={required}>
            <InputNumber<number> min={1} max={31} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="hoursPerDay" label={t('field.hoursPerDay')} rules={required}>
            <InputNumber<number> min={1} max={24} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="source" label={t('field.source')} extra={t('field.sourceHint')} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        {rate !== null ? <Typography.Text type="secondary">{t('param.rateHint', { rate: rateVnd(rate) })}</Typography.Text> : null}
        <Divider titlePlacement="start" plain>{t('field.defaults')}</Divider>
        <div className="mc-pr-defaults">
          {ORDER.map((k) => (
            <Form.Item key={k} name={['defaults', k]} label={t(`field.${k}`)} rules={required}>
              {HOURS.includes(k) ? (
                <InputNumber<number> min={0} max={744} precision={2} step={0.25} decimalSeparator="," style={{ width: '100%' }} suffix={t('common.hours')} />
              ) : MONEY.includes(k) ? (
                <InputNumber<number> min={0} max={1_000_000_000} precision={0} step={1000} style={{ width: '100%' }} suffix="đ"
                  formatter={(x) => groupDigits(x)} parser={(text) => ungroupDigits(text)} />
              ) : null}
            </Form.Item>
          ))}
        </div>
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}
