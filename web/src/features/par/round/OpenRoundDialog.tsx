import { Alert, App, Checkbox, Flex, Form, Input, InputNumber, Modal, Switch, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { useSets } from '../api-sets';
import { type RoundSummary, useOpenRound } from '../api-rounds';
import { useParRoundT } from '../i18n-rounds';
import { SETS_PATH } from '../sets/paths';
import { Problem, useDialogSend } from './dialog';
import { boardPath } from './paths';

interface Values { year: number; name: string; selfDeadlineWorkingDays: number; surveyHeld: boolean; setIds: number[] }

/**
 * "Mở đợt đánh giá": the year, its name, the self-assessment deadline in working days, whether a survey is held,
 * and the issued sets of that year. A year without an issued set sends the organiser to copy last year's.
 */
export function OpenRoundDialog({ rounds, onClose }: { rounds: RoundSummary[]; onClose: () => void }) {
  const t = useParRoundT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const sets = useSets();
  const open = useOpenRound();
  const { problem, run } = useDialogSend(form, onClose, () => undefined);
  const taken = new Set(rounds.map((r) => r.year));
  // The year after the last round (or this year), the usual choice.
  const initialYear = Math.max(new Date().getFullYear(), ...rounds.map((r) => r.year + 1));
  const year = Form.useWatch('year', form) ?? initialYear;
  const ofYear = (sets.data?.sets ?? []).filter((s) => s.year === year);
  const issued = ofYear.filter((s) => s.status === 'issued');
  const drafts = ofYear.length - issued.length;
  const send = (v: Values) => run(async () => {
    const board = await open.mutateAsync(v);
    void message.success(t('open.done'));
    navigate(boardPath(board.round.id));
  });
  const required = [{ required: true, message: t('required') }];
  return (
    <Modal open title={t('open.title')} okText={t('open.ok')} cancelText={t('cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: open.isPending, disabled: issued.length === 0 }} destroyOnHidden width={640}>
      <Typography.Paragraph type="secondary">{t('open.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void send(v)}
        initialValues={{ year: initialYear, name: t('open.defaultName', { year: initialYear }), selfDeadlineWorkingDays: 20, surveyHeld: true, setIds: [] }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.year) form.setFieldsValue({ name: t('open.defaultName', { year: changed.year }), setIds: [] });
        }}>
        <Flex gap={12} wrap>
          <Form.Item name="year" label={t('open.year')} rules={required} style={{ flex: '0 0 140px' }}>
            <InputNumber min={2000} max={2100} style={{ width: '100%' }} aria-label={t('open.year')} />
          </Form.Item>
          <Form.Item name="selfDeadlineWorkingDays" label={t('open.deadline')} rules={required} style={{ flex: '1 1 260px' }}>
            <InputNumber min={1} max={120} style={{ width: '100%' }} aria-label={t('open.deadline')} />
          </Form.Item>
        </Flex>
        <Form.Item name="name" label={t('open.name')} rules={[...required, { min: 2, message: t('required') }]}>
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item name="surveyHeld" label={t('open.surveyHeld')} valuePropName="checked">
          <Switch aria-label={t('open.surveyHeld')} />
        </Form.Item>
        {issued.length > 0 ? (
          <Form.Item name="setIds" label={t('open.sets', { year })} rules={[{ required: true, type: 'array', min: 1, message: t('open.setsRequired') }]}>
            <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={issued.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        ) : null}
        {sets.data && issued.length === 0 ? (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('open.noSets', { year })}
            description={<>{t('open.noSetsHint', { year })} <Link to={SETS_PATH}>{t('open.toSets')}</Link></>} />
        ) : null}
        {drafts > 0 ? <Typography.Paragraph type="secondary">{t('open.draftSets', { n: drafts, year })} <Link to={SETS_PATH}>{t('open.toSets')}</Link></Typography.Paragraph> : null}
        {taken.has(year) ? <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('open.yearTaken', { year })} /> : null}
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}
