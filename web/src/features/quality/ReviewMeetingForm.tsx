import { App, Button, Flex, Form, Input, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { useUpdateReview } from './api-audits';
import { Muted } from './audit-ui';
import { OwnerUnitSelect, PeopleSelect } from './audit-pickers';
import { useQualityT } from './i18n';
import { DateField, Problem, Section, useQmsSubmit } from './qms-ui';
import type { ReviewDetail } from './types-audit';

type Row = { text?: string; ownerUnitId?: number | null; dueOn?: string };
type Values = { chairStaffId?: number | null; attendees?: string; minutes?: string; decisions?: Row[] };

/**
 * The draft's chair, attendees, minutes and decisions (each with the unit that carries it out and a due
 * day), saved together under the review's version. The page remounts it on a new version, so what is
 * shown is always what was saved last; `onDirty` tells the page there is something unsaved.
 */
export function ReviewMeetingForm({ r, reload, onDirty }: { r: ReviewDetail; reload: () => unknown; onDirty: (dirty: boolean) => void }) {
  const t = useQualityT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const update = useUpdateReview(r.id);
  const send = useQmsSubmit(form, reload);
  const finish = async (v: Values) => {
    const decisions = (v.decisions ?? []).map((d) => ({ text: (d.text ?? '').trim(), ownerUnitId: d.ownerUnitId!, dueOn: d.dueOn! }));
    const ok = await send.run(() => update.mutateAsync({
      version: r.version, chairStaffId: v.chairStaffId ?? null, attendees: (v.attendees ?? '').trim(), minutes: (v.minutes ?? '').trim(), decisions,
    }));
    if (ok) {
      onDirty(false);
      void message.success(t('a.done'));
    }
  };
  const required = [{ required: true, message: t('a.required') }];
  const text = [{ required: true, whitespace: true, min: 3, message: t('a.min3') }];
  return (
    <Section title={t('rev.meeting')} testId="review-meeting">
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void finish(v)} onValuesChange={() => onDirty(true)}
        initialValues={{
          chairStaffId: r.chairStaffId ?? undefined, attendees: r.attendees, minutes: r.minutes,
          decisions: r.decisions.map((d) => ({ text: d.text, ownerUnitId: d.ownerUnitId, dueOn: d.dueOn })),
        }}>
        <Form.Item name="chairStaffId" label={t('rev.chair')}><PeopleSelect qmsId={r.qmsId} noneLabel={t('rev.noChair')} aria-label={t('rev.chair')} /></Form.Item>
        <Form.Item name="attendees" label={t('rev.attendees')}><Input.TextArea rows={2} maxLength={4000} /></Form.Item>
        <Form.Item name="minutes" label={t('rev.minutes')}><Input.TextArea rows={6} maxLength={20000} /></Form.Item>
        <Typography.Title level={3} className="mc-qms-h3">{t('rev.decisions')}</Typography.Title>
        <Form.List name="decisions">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4}>
              {!fields.length ? <Muted>{t('rev.decisions.empty')}</Muted> : null}
              {fields.map((field, i) => (
                <div key={field.key} className="mc-qms-decision" data-testid="review-decision">
                  <Form.Item name={[field.name, 'text']} label={t('rev.decision.text', { n: i + 1 })} rules={text} style={{ marginBottom: 8 }}>
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                  <Flex gap={8} wrap align="flex-end">
                    <Form.Item name={[field.name, 'ownerUnitId']} label={t('rev.decision.owner', { n: i + 1 })} rules={required} style={{ flex: '1 1 260px', marginBottom: 8 }}>
                      <OwnerUnitSelect qmsId={r.qmsId} aria-label={t('rev.decision.owner', { n: i + 1 })} />
                    </Form.Item>
                    <div style={{ flex: '0 1 200px' }}>
                      <DateField name={[field.name, 'dueOn']} label={t('rev.decision.due', { n: i + 1 })} required={t('a.required')} />
                    </div>
                    <Button icon={<MinusCircleOutlined aria-hidden />} onClick={() => { remove(field.name); onDirty(true); }}
                      aria-label={t('rev.decision.remove', { n: i + 1 })} style={{ marginBottom: 24 }} />
                  </Flex>
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => { add({ text: '' }); onDirty(true); }}>{t('rev.decision.add')}</Button>
            </Flex>
          )}
        </Form.List>
        <Problem text={send.problem} />
        <Button type="primary" htmlType="submit" icon={<SaveOutlined aria-hidden />} loading={send.pending} style={{ marginTop: 16 }}>{t('rev.saveMeeting')}</Button>
      </Form>
    </Section>
  );
}
