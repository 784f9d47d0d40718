import { useState } from 'react';
import { Alert, App, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Slider, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DATE_PATTERN } from '../../../shared/format';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../../shared/api';
import { useLocale, useT } from '../../../shared/i18n';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { isStaleVersion } from '../../../shared/ui/staleVersion';
import { type TaskAction, type TaskActionBody, type TaskSummary, directiveKeys, useAssignees, useMeta, useTaskAction } from '../api';
import { FileUploadField, type UploadedFile } from '../FileUploadField';
import { useDirectiveT } from '../i18n';
import { UnitPicker } from '../UnitPicker';

interface Values { staffId?: number; note?: string; percent?: number; reason?: string; unitId?: number; text?: string; content?: string; dueOn?: Dayjs | null; priority?: TaskSummary['priority']; expectedOutput?: string }

function bodyOf(action: TaskAction, v: Values, version: number, files: UploadedFile[]): TaskActionBody {
  const note = v.note?.trim() ?? '';
  switch (action) {
    case 'assign': return { action, version, staffId: Number(v.staffId), note: note || null };
    case 'progress': return { action, version, percent: Number(v.percent ?? 0), note, files };
    case 'request_completion': return { action, version, note, files };
    case 'approve': return { action, version, note: note || null };
    case 'return': return { action, version, reason: v.reason?.trim() ?? '' };
    case 'cancel': return { action, version, reason: v.reason?.trim() ?? '' };
    case 'change_lead': return { action, version, unitId: Number(v.unitId), reason: v.reason?.trim() ?? '' };
    case 'note': return { action, version, text: v.text?.trim() ?? '' };
    case 'edit': return {
      action, version, content: v.content?.trim() ?? '', dueOn: v.dueOn ? v.dueOn.format('YYYY-MM-DD') : null, priority: v.priority,
      expectedOutput: v.expectedOutput?.trim() || null, reason: v.reason?.trim() || null,
    };
  }
}

function Fields({ action, task, onFiles, onBusy }: { action: TaskAction; task: TaskSummary; onFiles: (f: UploadedFile[]) => void; onBusy: (b: boolean) => void }) {
  const t = useDirectiveT();
  const meta = useMeta();
  const staff = useAssignees(action === 'assign' ? task.leadUnitId : null);
  const required = [{ required: true, whitespace: true, message: t('required') }];
  const noteItem = (label: string, must: boolean) => (
    <Form.Item name="note" label={label} rules={must ? required : undefined}><Input.TextArea rows={4} maxLength={5000} showCount /></Form.Item>
  );
  const files = (
    <Form.Item label={t('act.files')}><FileUploadField onChange={onFiles} onBusy={onBusy} /></Form.Item>
  );
  const reason = <Form.Item name="reason" label={t('act.reason')} rules={required}><Input.TextArea rows={3} maxLength={2000} /></Form.Item>;
  switch (action) {
    case 'assign':
      return (
        <>
          <Form.Item name="staffId" label={t('act.staff')} rules={[{ required: true, message: t('required') }]}>
            <Select loading={staff.isFetching} showSearch={{ optionFilterProp: 'label' }} notFoundContent={staff.isFetching ? undefined : t('act.noStaff')}
              options={(staff.data?.staff ?? []).map((s) => ({ value: s.id, label: [s.fullName, s.position, s.unitName].filter(Boolean).join(' — ') }))} />
          </Form.Item>
          {noteItem(t('act.note'), false)}
        </>
      );
    case 'progress':
      return (
        <>
          <Form.Item label={t('act.percent')} required>
            <Flex gap={12} align="center">
              <Form.Item name="percent" noStyle><Slider min={0} max={100} step={5} style={{ flex: 1 }} ariaLabelForHandle={t('act.percent')} /></Form.Item>
              <Form.Item name="percent" noStyle rules={[{ required: true, message: t('required') }]}>
                <InputNumber min={0} max={100} suffix="%" aria-label={t('act.percent')} style={{ width: 100 }} />
              </Form.Item>
            </Flex>
          </Form.Item>
          {noteItem(t('act.progressNote'), true)}
          {files}
        </>
      );
    case 'request_completion':
      return <>{noteItem(t('act.result'), true)}{files}</>;
    case 'approve':
      return <>{noteItem(t('act.note'), false)}</>;
    case 'return':
    case 'cancel':
      return reason;
    case 'change_lead':
      return (
        <>
          <Form.Item name="unitId" label={t('act.newLead')} rules={[{ required: true, message: t('required') }]}>
            <UnitPicker units={meta.data?.units ?? []} disabledIds={[task.leadUnitId]} />
          </Form.Item>
          {reason}
        </>
      );
    case 'note':
      return <Form.Item name="text" label={t('act.text')} rules={required}><Input.TextArea rows={4} maxLength={5000} /></Form.Item>;
    case 'edit':
      return (
        <>
          <Form.Item name="content" label={t('reg.col.content')} rules={required}><Input.TextArea rows={4} maxLength={20000} /></Form.Item>
          <Form.Item name="dueOn" label={t('act.dueOn')}><DatePicker format={DATE_PATTERN} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="priority" label={t('reg.col.priority')}>
            <Select options={(['normal', 'high', 'urgent'] as const).map((p) => ({ value: p, label: t(`priority.${p}`) }))} />
          </Form.Item>
          <Form.Item name="expectedOutput" label={t('reg.col.output')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
          <Form.Item name="reason" label={t('act.reason')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        </>
      );
  }
}

/** One action on a task, sent with the version the user saw; a 409 says why and reloads the task. */
export function ActionDialog({ task, action, onClose }: { task: TaskSummary; action: TaskAction | null; onClose: () => void }) {
  const t = useDirectiveT();
  const ts = useT();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const act = useTaskAction(task.id);
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const run = async (values: Values) => {
    if (!action) return;
    setProblem(null);
    try {
      await act.mutateAsync(bodyOf(action, values, task.version, files));
      void message.success(t('act.done', { action: t(`action.${action}`) }));
      onClose();
    } catch (error) {
      if (isApiError(error) && (error.status === 409 || isStaleVersion(error))) {
        // Someone acted first, or the task moved on: the server says what happened; show the task as it is now.
        onClose();
        modal.warning({ title: ts('error.staleTitle'), content: errorMessage(error, locale), okText: ts('action.reload') });
        void client.invalidateQueries({ queryKey: directiveKeys.task(task.id) });
        return;
      }
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length > 0 ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    }
  };
  return (
    <Modal
      open={action !== null}
      title={action ? t(`action.${action}`) : ''}
      okText={action ? t(`act.ok.${action}`) : ''}
      cancelText={ts('action.cancel')}
      okButtonProps={{ loading: act.isPending, disabled: busy }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }}>{task.ref ? `${task.ref}. ` : ''}{task.content}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void run(v)} initialValues={{ percent: task.progress, content: task.content, dueOn: task.dueOn ? dayjs(task.dueOn) : null, priority: task.priority, expectedOutput: task.expectedOutput ?? '' }}>
        {action ? <Fields action={action} task={task} onFiles={setFiles} onBusy={setBusy} /> : null}
        {problem ? <Alert type="error" showIcon role="alert" title={problem} /> : null}
      </Form>
    </Modal>
  );
}
