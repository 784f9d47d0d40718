import { useEffect, useState } from 'react';
import { Alert, App, Button, Checkbox, Flex, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { normalizeForSearch } from '../../../../../src/modules/catalog/rules/search';
import type { Id } from '../../../shared/auth';
import { errorMessage, isApiError } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { isStaleVersion, useStaleVersionNotice } from '../../../shared/ui/staleVersion';
import { useUnits } from '../../org/api';
import { UnitSelect as OrgUnitSelect } from '../../org/UnitSelect';
import { ACTIONS, type ActionBody, usePublicAgencies, type FeedbackAction, type FeedbackDetail, feedbackKeys, useAssignableStaff, useFeedbackAction } from '../api';
import { useFeedbackT } from '../i18n';

type Values = {
  outcome?: 'in_competence' | 'forward' | 'out_of_scope';
  unitId?: number | string;
  reason?: string;
  coordination?: boolean;
  staffId?: number;
  answer?: string;
  question?: string;
  text?: string;
};

const PRIMARY: readonly FeedbackAction[] = ['classify', 'assign', 'draft_answer', 'approve_answer', 'publish'];
const DANGER: readonly FeedbackAction[] = ['unpublish', 'return_draft'];

function initial(action: FeedbackAction, d: FeedbackDetail): Values {
  if (action === 'classify') return { outcome: 'in_competence', unitId: String(d.unitId), coordination: false };
  if (action === 'draft_answer') return { answer: d.draftAnswer ?? d.answer ?? '' };
  if (action === 'publish') return { question: d.published?.question ?? d.content, answer: d.published?.answer ?? d.answer ?? d.draftAnswer ?? '' };
  if (action === 'assign' && d.assignee) return { staffId: Number(d.assignee.id) };
  return {};
}

function toBody(action: FeedbackAction, v: Values): ActionBody {
  switch (action) {
    case 'classify': {
      const outcome = v.outcome ?? 'in_competence';
      return {
        action, outcome,
        ...(outcome !== 'out_of_scope' && v.unitId !== undefined && v.unitId !== '' ? { unitId: Number(v.unitId) } : {}),
        ...(outcome !== 'in_competence' && v.reason?.trim() ? { reason: v.reason.trim() } : {}),
        ...(outcome === 'in_competence' ? { coordination: Boolean(v.coordination) } : {}),
      };
    }
    case 'assign': return { action, staffId: Number(v.staffId) };
    case 'draft_answer': return { action, answer: (v.answer ?? '').trim() };
    case 'approve_answer': return { action };
    case 'return_draft': return { action, reason: (v.reason ?? '').trim() };
    case 'publish': return { action, question: (v.question ?? '').trim(), answer: (v.answer ?? '').trim() };
    case 'unpublish': return { action, reason: (v.reason ?? '').trim() };
    case 'note': return { action, text: (v.text ?? '').trim() };
  }
}

/**
 * Where to forward: a unit of one's own (a section of the ward, say) or any agency of the province;
 * the list is the units in the caller's reach plus the public list of agencies.
 */
function ForwardUnitSelect({ id, value, onChange, current }: { id?: string; value?: number | string; onChange?: (v: number | undefined) => void; current: Id }) {
  const own = useUnits();
  const agencies = usePublicAgencies();
  const options = new Map<string, { value: number; label: string }>();
  for (const u of [...(own.data ?? []), ...(agencies.data ?? [])]) {
    if (String(u.id) !== String(current) && !options.has(String(u.id))) options.set(String(u.id), { value: Number(u.id), label: u.name });
  }
  return (
    <Select id={id} value={value === undefined || value === '' ? undefined : Number(value)} onChange={onChange} loading={own.isPending || agencies.isPending}
      showSearch={{ filterOption: (input, option) => normalizeForSearch(String(option?.label ?? '')).includes(normalizeForSearch(input)) }}
      options={[...options.values()]} />
  );
}

function Fields({ action, item }: { action: FeedbackAction; item: FeedbackDetail }) {
  const t = useFeedbackT();
  const outcome = Form.useWatch<Values['outcome']>('outcome');
  const units = useUnits();
  const [typed, setTyped] = useState('');
  const [term, setTerm] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setTerm(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const staff = useAssignableStaff(action === 'assign' ? item.unitId : null, term);
  const required = (key: Parameters<typeof t>[0]) => [{ required: true, whitespace: true, message: t(key) }];
  switch (action) {
    case 'classify':
      return (
        <>
          <Form.Item name="outcome" label={t('act.outcome')}>
            <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 6 }}
              options={(['in_competence', 'forward', 'out_of_scope'] as const).map((o) => ({ value: o, label: t(`act.outcome.${o}`) }))} />
          </Form.Item>
          {outcome === 'forward' ? (
            <Form.Item name="unitId" label={t('act.unit')} rules={[{ required: true, message: t('act.unitRequired') }]}>
              <ForwardUnitSelect current={item.unitId} />
            </Form.Item>
          ) : null}
          {outcome === 'in_competence' ? (
            <>
              <Form.Item name="unitId" label={t('act.unit')}>
                <OrgUnitSelect units={units.data ?? []} loading={units.isPending} />
              </Form.Item>
              <Form.Item name="coordination" valuePropName="checked"><Checkbox>{t('act.coordination')}</Checkbox></Form.Item>
            </>
          ) : null}
          {outcome !== 'in_competence' ? (
            <Form.Item name="reason" label={t('act.reason')} rules={required('act.reasonRequired')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>
          ) : null}
        </>
      );
    case 'assign':
      return (
        <Form.Item name="staffId" label={t('act.staff')} rules={[{ required: true, message: t('act.staffRequired') }]}>
          <Select loading={staff.isFetching} showSearch={{ filterOption: false, onSearch: setTyped }}
            options={(staff.data ?? []).map((s) => ({ value: s.id, label: [s.fullName, s.position, s.unitName].filter(Boolean).join(' — ') }))} />
        </Form.Item>
      );
    case 'draft_answer':
      return <Form.Item name="answer" label={t('act.answer')} rules={required('act.answerRequired')}><Input.TextArea rows={8} maxLength={10000} showCount /></Form.Item>;
    case 'approve_answer':
      return <Typography.Paragraph>{t('act.approveConfirm')}</Typography.Paragraph>;
    case 'return_draft':
    case 'unpublish':
      return <Form.Item name="reason" label={t('act.reason')} rules={required('act.reasonRequired')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>;
    case 'publish':
      return (
        <>
          {item.consentToPublish ? <Alert type="warning" showIcon title={t('act.publishHint')} style={{ marginBottom: 12 }} /> : <Alert type="error" showIcon title={t('act.noConsent')} style={{ marginBottom: 12 }} />}
          <Form.Item name="question" label={t('act.question')} rules={required('act.answerRequired')}><Input.TextArea rows={6} maxLength={10000} /></Form.Item>
          <Form.Item name="answer" label={t('act.publishedAnswer')} rules={required('act.answerRequired')}><Input.TextArea rows={6} maxLength={10000} /></Form.Item>
        </>
      );
    case 'note':
      return <Form.Item name="text" label={t('act.text')} rules={required('act.textRequired')}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>;
  }
}

function Dialog({ item, action, onClose }: { item: FeedbackDetail; action: FeedbackAction | null; onClose: () => void }) {
  const t = useFeedbackT();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<string | null>(null);
  const act = useFeedbackAction(item.code);
  const client = useQueryClient();
  const staleNotice = useStaleVersionNotice();
  const run = async (values: Values) => {
    if (!action) return;
    setProblem(null);
    try {
      await act.mutateAsync({ ...toBody(action, values), version: item.version });
      void message.success(t('act.done', { action: t(`act.${action}`) }));
      onClose();
    } catch (error) {
      // Someone acted first (409): say so and reload, never overwrite their work.
      if (isStaleVersion(error)) {
        onClose();
        staleNotice(() => client.invalidateQueries({ queryKey: feedbackKeys.detail(item.code) }));
        return;
      }
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length > 0 ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    }
  };
  return (
    <Modal
      open={action !== null}
      title={action ? `${t(`act.${action}`)} — ${item.code}` : ''}
      okText={t('act.submit')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: act.isPending, danger: action !== null && DANGER.includes(action) }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={action === 'publish' || action === 'draft_answer' ? 720 : 520}
    >
      <Form form={form} layout="vertical" initialValues={action ? initial(action, item) : {}} onFinish={(v) => void run(v)}>
        {action ? <Fields action={action} item={item} /> : null}
        {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginTop: 8 }} /> : null}
      </Form>
    </Modal>
  );
}

/** Buttons for what the server allows now (`allowedActions`), each a form that sends the version seen. */
export function ActionPanel({ item }: { item: FeedbackDetail }) {
  const t = useFeedbackT();
  const [action, setAction] = useState<FeedbackAction | null>(null);
  const allowed = ACTIONS.filter((a) => item.allowedActions.includes(a));
  if (allowed.length === 0) return <Typography.Text type="secondary">{t('detail.noActions')}</Typography.Text>;
  const first = allowed.find((a) => PRIMARY.includes(a));
  return (
    <>
      <Flex gap={8} wrap>
        {allowed.map((a) => (
          <Button key={a} type={a === first ? 'primary' : 'default'} danger={DANGER.includes(a)} onClick={() => setAction(a)} data-action={a}>{t(`act.${a}`)}</Button>
        ))}
      </Flex>
      <Dialog key={action ?? 'none'} item={item} action={action} onClose={() => setAction(null)} />
    </>
  );
}
