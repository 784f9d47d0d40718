import { App, Flex, Form, Input, InputNumber, Modal, Skeleton, Typography } from 'antd';
import { rate } from '../../../../../src/modules/personnel/rules/evaluation';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { useReview, useSheet } from '../api-evaluations';
import { useEvaluationT } from '../i18n';
import { Problem, useSend } from '../ui';
import { RatingPreview } from './RatingTag';
import { SheetView } from './SheetView';

interface Values { managerComment: string; meetingMinutes: string; generalPoints: number; taskPoints: number }

/**
 * The manager reads the person's sheet and records the review: a comment, the minutes of the unit's
 * meeting and the points they settle on; the rating follows from the province's rule (shown as typed).
 * Without a review right, or once approved, the sheet is only shown.
 */
export function ReviewDialog({ personId, year, onClose }: { personId: number; year: number; onClose: () => void }) {
  const t = useEvaluationT();
  const { message } = App.useApp();
  const detail = useSheet(personId, year);
  const [form] = Form.useForm<Values>();
  const review = useReview(personId, year);
  const send = useSend(form, () => detail.refetch());
  const values = Form.useWatch([], form) as Partial<Values> | undefined;
  const d = detail.data;
  const s = d?.sheet;
  const canReview = !!d?.canReview && !!s && s.status !== 'approved';
  const rule = d?.rule?.rule;
  const preview = canReview && rule && s?.selfFacts && typeof values?.generalPoints === 'number' && typeof values.taskPoints === 'number'
    ? rate(rule, { generalPoints: values.generalPoints, taskPoints: values.taskPoints, tasks: s.selfFacts.tasks, criteria: s.selfFacts.criteria, disciplined: d.disciplined })
    : null;
  const finish = async (v: Values) => {
    if (!s) return;
    if (await send.run(() => review.mutateAsync({ version: s.version, managerComment: v.managerComment.trim(), meetingMinutes: v.meetingMinutes.trim(), generalPoints: v.generalPoints, taskPoints: v.taskPoints }))) {
      void message.success(t('review.saved'));
      onClose();
    }
  };
  return (
    <Modal open width={900} title={d ? t('review.title', { name: d.person.fullName, year }) : t('review.loading')} onCancel={onClose}
      okText={t('review.ok')} cancelText={t('close')} onOk={() => form.submit()} okButtonProps={{ loading: send.pending, style: canReview ? undefined : { display: 'none' } }} destroyOnHidden>
      {detail.isError ? <ErrorResult variant="inline" error={detail.error} /> : !d ? <Skeleton active /> : (
        <Flex vertical gap={16}>
          <SheetView detail={d} />
          {!s ? <Typography.Text type="secondary">{t('review.noSelf')}</Typography.Text> : canReview ? (
            <Form<Values> form={form} layout="vertical" onFinish={(v) => void finish(v)}
              initialValues={{ managerComment: s.managerComment ?? '', meetingMinutes: s.meetingMinutes ?? '', generalPoints: s.selfFacts?.generalPoints, taskPoints: s.selfFacts?.taskPoints }}>
              <Form.Item name="managerComment" label={t('review.comment')} rules={[{ required: true, whitespace: true, min: 5, message: t('review.commentRequired') }]}>
                <Input.TextArea rows={4} maxLength={8000} />
              </Form.Item>
              <Form.Item name="meetingMinutes" label={t('review.minutes')} extra={t('review.minutesHint')} rules={[{ required: true, whitespace: true, min: 5, message: t('review.minutesRequired') }]}>
                <Input.TextArea rows={4} maxLength={20000} />
              </Form.Item>
              <Flex gap={16} wrap>
                <Form.Item name="generalPoints" label={t('self.general', { max: rule?.generalMax ?? '' })} rules={[{ required: true, message: t('required') }]} style={{ width: 340 }}>
                  <InputNumber min={0} max={rule?.generalMax} style={{ width: '100%' }} />
                </Form.Item>
                <Form.Item name="taskPoints" label={t('self.taskPoints', { max: rule?.tasksMax ?? '' })} rules={[{ required: true, message: t('required') }]} style={{ width: 340 }}>
                  <InputNumber min={0} max={rule?.tasksMax} style={{ width: '100%' }} />
                </Form.Item>
              </Flex>
              <RatingPreview preview={preview} gap={8} />
              <Problem text={send.problem} />
            </Form>
          ) : null}
        </Flex>
      )}
    </Modal>
  );
}
