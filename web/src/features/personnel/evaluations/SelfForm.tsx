import { App, Button, Card, Flex, Form, Input, InputNumber, Typography } from 'antd';
import { rate } from '../../../../../src/modules/personnel/rules/evaluation';
import { type SelfBody, type SheetDetail, useSelfAssess } from '../api-evaluations';
import { useEvaluationT } from '../i18n';
import { Problem, useSend } from '../ui';
import { RatingPreview } from './RatingTag';

type Values = SelfBody;
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/**
 * The person's self-assessment for the year: their points on the province's scale and how their tasks and
 * criteria went. The rating the figures would give is worked out as they type with the server's own rule
 * (rules/evaluation.ts), so nobody is surprised; the manager's review and the approval still decide.
 */
export function SelfForm({ detail, personId }: { detail: SheetDetail; personId: number }) {
  const t = useEvaluationT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSelfAssess(personId, detail.year);
  const send = useSend(form, () => undefined);
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const rule = detail.rule?.rule;
  const f = detail.sheet?.selfFacts;
  const initial: Partial<Values> = {
    selfAssessment: detail.sheet?.selfAssessment ?? '',
    generalPoints: f?.generalPoints, taskPoints: f?.taskPoints,
    tasks: f?.tasks ?? { total: 0, done: 0, exceeded: 0 }, criteria: f?.criteria ?? { total: 0, weak: 0, failed: 0 },
  };
  const preview = rule && values && values.generalPoints !== undefined && values.taskPoints !== undefined ? rate(rule, {
    generalPoints: num(values.generalPoints), taskPoints: num(values.taskPoints),
    tasks: { total: num(values.tasks?.total), done: num(values.tasks?.done), exceeded: num(values.tasks?.exceeded) },
    criteria: { total: num(values.criteria?.total), weak: num(values.criteria?.weak), failed: num(values.criteria?.failed) },
    disciplined: detail.disciplined,
  }) : null;

  const finish = async (v: Values) => {
    if (await send.run(() => save.mutateAsync({ ...v, selfAssessment: v.selfAssessment.trim() }))) void message.success(t('self.saved'));
  };
  if (!rule) return <Typography.Text type="secondary">{t('sheet.noRule')}</Typography.Text>;
  const count = (name: [string, string], label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('required') }]} style={{ width: 150 }}>
      <InputNumber min={0} max={10000} precision={0} style={{ width: '100%' }} aria-label={label} />
    </Form.Item>
  );
  return (
    <Card size="small" title={<Typography.Title level={3} className="mc-hr-h3">{t('self.title', { year: detail.year })}</Typography.Title>}>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void finish(v)}>
        <Form.Item name="selfAssessment" label={t('self.text')} rules={[{ required: true, whitespace: true, min: 10, message: t('self.textRequired') }]}>
          <Input.TextArea rows={6} maxLength={8000} placeholder={t('self.textPlaceholder')} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="generalPoints" label={t('self.general', { max: rule.generalMax })} rules={[{ required: true, message: t('required') }]} style={{ width: 300 }}>
            <InputNumber min={0} max={rule.generalMax} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="taskPoints" label={t('self.taskPoints', { max: rule.tasksMax })} rules={[{ required: true, message: t('required') }]} style={{ width: 300 }}>
            <InputNumber min={0} max={rule.tasksMax} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Typography.Text strong>{t('self.tasks')}</Typography.Text>
        <Flex gap={16} wrap>{count(['tasks', 'total'], t('self.tasksTotal'))}{count(['tasks', 'done'], t('self.tasksDone'))}{count(['tasks', 'exceeded'], t('self.tasksExceeded'))}</Flex>
        <Typography.Text strong>{t('self.criteria')}</Typography.Text>
        <Flex gap={16} wrap>{count(['criteria', 'total'], t('self.criteriaTotal'))}{count(['criteria', 'weak'], t('self.criteriaWeak'))}{count(['criteria', 'failed'], t('self.criteriaFailed'))}</Flex>
        <RatingPreview preview={preview} gap={12} />
        <Problem text={send.problem} />
        <Button type="primary" htmlType="submit" loading={send.pending}>{t('self.save')}</Button>
      </Form>
    </Card>
  );
}
