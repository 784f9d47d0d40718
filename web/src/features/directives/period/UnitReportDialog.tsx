import { useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, Modal, Skeleton, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { errorMessage, isApiError } from '../../../shared/api';
import { formatDateTime } from '../../../shared/format';
import { useLocale, useT } from '../../../shared/i18n';
import { ErrorResult } from '../../../shared/ui/ErrorResult';
import { applyFieldErrors } from '../../../shared/ui/formErrors';
import { type PeriodUnit, type UnitReport, directiveKeys, useSaveUnitReport, useUnitReport } from '../api';
import { useDirectiveT } from '../i18n';
import { DeadlineTag, ReportStatusTag } from '../tags';

interface Values { narrative?: string; difficulties?: string; proposals?: string; results?: Record<string, string> }

/** A unit's report for the period: the assessment, difficulties, proposals and a result per task. */
export function UnitReportDialog({ periodId, unit, onClose }: { periodId: number; unit: PeriodUnit; onClose: () => void }) {
  const t = useDirectiveT();
  const report = useUnitReport(periodId, unit.unitId);
  return (
    <Modal open title={t('unitReport.title', { unit: unit.unitName })} onCancel={onClose} footer={null} width={860} destroyOnHidden>
      {report.isPending ? <Skeleton active /> : report.isError ? <ErrorResult variant="inline" error={report.error} onRetry={() => void report.refetch()} /> : (
        <ReportForm key={report.data.report.version} periodId={periodId} unitId={unit.unitId} data={report.data} onClose={onClose} />
      )}
    </Modal>
  );
}

function ReportForm({ periodId, unitId, data, onClose }: { periodId: number; unitId: number; data: UnitReport; onClose: () => void }) {
  const t = useDirectiveT();
  const ts = useT();
  const locale = useLocale();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useSaveUnitReport(periodId, unitId);
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState<'draft' | 'submit' | null>(null);
  const { report, tasks, canEdit } = data;
  const initial: Values = {
    narrative: report.narrative, difficulties: report.difficulties, proposals: report.proposals,
    results: Object.fromEntries(report.results.map((r) => [String(r.taskId), r.result])),
  };

  const send = async (submit: boolean) => {
    setProblem(null);
    let values: Values;
    try {
      // Saving a draft checks nothing; sending needs the assessment (the server checks it too).
      values = submit ? await form.validateFields() : (form.getFieldsValue(true) as Values);
    } catch {
      return;
    }
    setSending(submit ? 'submit' : 'draft');
    try {
      await save.mutateAsync({
        version: report.version,
        narrative: values.narrative ?? '',
        difficulties: values.difficulties ?? '',
        proposals: values.proposals ?? '',
        results: tasks.map((task) => ({ taskId: task.id, result: values.results?.[String(task.id)] ?? '' })),
        submit,
      });
      void message.success(submit ? t('unitReport.sent') : t('unitReport.saved'));
      if (submit) onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409) {
        // Someone in the unit saved first: show their version rather than overwrite it.
        modal.warning({ title: ts('error.staleTitle'), content: errorMessage(error, locale), okText: ts('action.reload') });
        void client.invalidateQueries({ queryKey: directiveKeys.unitReport(periodId, unitId) });
        return;
      }
      const unmatched = applyFieldErrors(form, error, locale);
      setProblem(isApiError(error) && error.fields.length > 0 ? (unmatched.length ? unmatched.join(' ') : null) : errorMessage(error, locale));
    } finally {
      setSending(null);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} disabled={!canEdit}>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <ReportStatusTag status={report.status} />
        {report.submittedAt ? <Typography.Text type="secondary">{t('unitReport.submittedBy', { at: formatDateTime(report.submittedAt), name: report.submittedByName ?? '' })}</Typography.Text> : null}
      </Flex>
      <Form.Item name="narrative" label={t('unitReport.narrative')} rules={[{ required: true, whitespace: true, message: t('unitReport.narrativeRequired') }]}>
        <Input.TextArea rows={5} maxLength={20000} />
      </Form.Item>
      <Form.Item name="difficulties" label={t('unitReport.difficulties')}><Input.TextArea rows={3} maxLength={10000} /></Form.Item>
      <Form.Item name="proposals" label={t('unitReport.proposals')}><Input.TextArea rows={3} maxLength={10000} /></Form.Item>
      <Typography.Title level={3} style={{ fontSize: 16 }}>{t('unitReport.results')}</Typography.Title>
      {tasks.length === 0 ? <Typography.Text type="secondary">{t('unitReport.noTasks')}</Typography.Text> : tasks.map((task) => (
        <Form.Item key={task.id} name={['results', String(task.id)]}
          label={<span>{t('unitReport.resultFor', { ref: task.ref || String(task.id) })} <DeadlineTag deadline={task.deadline} /></span>}
          extra={<Typography.Paragraph type="secondary" ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>{task.content}</Typography.Paragraph>}>
          <Input.TextArea rows={2} maxLength={5000} />
        </Form.Item>
      ))}
      {problem ? <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} /> : null}
      <Flex gap={8} justify="flex-end" wrap>
        <Button onClick={onClose} disabled={false}>{ts('action.close')}</Button>
        {canEdit ? (
          <>
            <Button onClick={() => void send(false)} loading={sending === 'draft'} disabled={sending !== null}>{t('unitReport.saveDraft')}</Button>
            <Button type="primary" onClick={() => void send(true)} loading={sending === 'submit'} disabled={sending !== null}>{t('unitReport.submit')}</Button>
          </>
        ) : null}
      </Flex>
    </Form>
  );
}
