import { Alert, App, Form, Modal, Radio, Select, Typography } from 'antd';
import { errorMessage } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import { type FormsView, type SurveyForm, usePaperSlip } from './api';
import { useSurveyT } from './messages';
import { RespondentFields } from './RespondentFields';

type Values = { unitId: number; respondent: Record<string, string | undefined>; answers: Record<string, string> };
const BLANK = '';

/** Staff type in a paper slip (phiếu giấy); the unit stays chosen between slips so a stack goes quickly. */
export function PaperDialog({ view, form: surveyForm, onClose }: { view: FormsView; form: SurveyForm; onClose: () => void }) {
  const t = useSurveyT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const slip = usePaperSlip(view.round.id);
  const units = view.units.filter((u) => surveyForm.blocks.includes(u.block));

  const submit = (v: Values) => {
    const respondent = Object.fromEntries(Object.entries(v.respondent ?? {}).filter(([, x]) => typeof x === 'string' && x.trim() !== '')) as Record<string, string>;
    const answers = Object.fromEntries(surveyForm.questions.map((q) => [q.id, v.answers?.[q.id] ? v.answers[q.id]! : null]));
    slip.mutate({ formId: surveyForm.id, body: { unitId: v.unitId, respondent, answers } }, {
      onSuccess: () => {
        message.success(t('paper.saved'));
        form.setFieldsValue({ respondent: {}, answers: Object.fromEntries(surveyForm.questions.map((q) => [q.id, BLANK])) });
      },
    });
  };

  return (
    <Modal
      open
      width={760}
      title={t('paper.title', { code: surveyForm.code })}
      okText={t('paper.submit')}
      cancelText={t('close')}
      confirmLoading={slip.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={submit} initialValues={{ answers: Object.fromEntries(surveyForm.questions.map((q) => [q.id, BLANK])) }}>
        <Form.Item name="unitId" label={t('paper.unit')} rules={[{ required: true, message: t('required') }]}>
          <Select placeholder={t('select')} options={units.map((u) => ({ value: u.id, label: u.name }))} showSearch optionFilterProp="label" />
        </Form.Item>
        <Typography.Title level={5}>{t('paper.respondent')}</Typography.Title>
        <RespondentFields />
        <Typography.Title level={5}>{t('paper.answers')}</Typography.Title>
        {surveyForm.questions.map((q) => (
          <Form.Item key={q.id} name={['answers', q.id]} label={<Typography.Text>{`${q.id}. ${q.text}`}</Typography.Text>}>
            <Radio.Group
              optionType="button"
              options={[...q.options.map((o) => ({ value: o.key, label: o.key, title: o.text })), { value: BLANK, label: t('paper.blank') }]}
            />
          </Form.Item>
        ))}
        {slip.isError ? <Alert type="error" showIcon message={errorMessage(slip.error, locale)} /> : null}
      </Form>
    </Modal>
  );
}
