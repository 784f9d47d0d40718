import { App, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useProcesses } from './api';
import { PeopleSelect, folded } from './audit-pickers';
import { useCreateAudit } from './api-audits';
import { useQualityT } from './i18n';
import { auditPath } from './paths';
import { DateField, Problem, useQmsSubmit } from './qms-ui';

type Question = { question?: string; clause?: string; processId?: number | null };
type Values = {
  title: string; year: number; plannedFrom: string; plannedTo: string; criteria?: string;
  processIds?: number[]; leadStaffId: number; memberStaffIds?: number[]; items?: Question[];
};

/**
 * "Lập kế hoạch đánh giá": the audit's title and days, the processes it covers, its lead and members and
 * the questions of its checklist (more may be added later). On success the audit's page opens.
 */
export function AuditPlanDialog({ qmsId, year, onClose }: { qmsId: number; year: number; onClose: () => void }) {
  const t = useQualityT();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateAudit(qmsId);
  const processes = useProcesses(qmsId);
  const send = useQmsSubmit(form);
  const lead = Form.useWatch('leadStaffId', form);
  const required = [{ required: true, message: t('a.required') }];
  const text = [{ required: true, whitespace: true, min: 3, message: t('a.min3') }];
  const processOptions = (processes.data ?? []).filter((p) => p.active).map((p) => ({ value: p.id, label: `${p.code} — ${p.name}` }));

  const finish = async (v: Values) => {
    if (v.plannedTo < v.plannedFrom) {
      form.setFields([{ name: 'plannedTo', errors: [t('a.dateOrder')] }]);
      return;
    }
    let id = 0;
    const ok = await send.run(async () => {
      const items = (v.items ?? []).filter((q) => q.question?.trim()).map((q) => ({
        question: q.question!.trim(), ...(q.clause?.trim() ? { clause: q.clause.trim() } : {}), ...(q.processId ? { processId: q.processId } : {}),
      }));
      const audit = await create.mutateAsync({
        year: v.year, title: v.title.trim(), plannedFrom: v.plannedFrom, plannedTo: v.plannedTo,
        ...(v.criteria?.trim() ? { criteria: v.criteria.trim() } : {}),
        processIds: v.processIds ?? [], leadStaffId: v.leadStaffId,
        memberStaffIds: (v.memberStaffIds ?? []).filter((m) => m !== v.leadStaffId), items,
      });
      id = audit.id;
    });
    if (ok) {
      void message.success(t('a.done'));
      onClose();
      navigate(auditPath(id));
    }
  };

  return (
    <Modal open width={760} title={t('audits.create')} okText={t('audits.create')} cancelText={t('a.cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: send.pending }} destroyOnHidden>
      <Form<Values> form={form} layout="vertical" onFinish={(v) => void finish(v)}
        initialValues={{ year, criteria: t('plan.criteriaDefault'), items: [{ question: '' }] }}>
        <Form.Item name="title" label={t('plan.title')} rules={text}><Input maxLength={300} placeholder={t('plan.titlePlaceholder')} /></Form.Item>
        <div className="mc-qms-form-grid">
          <Form.Item name="year" label={t('audits.year')} rules={required}>
            <Select aria-label={t('audits.year')} options={[year - 1, year, year + 1].map((y) => ({ value: y, label: String(y) }))} />
          </Form.Item>
          <DateField name="plannedFrom" label={t('plan.from')} required={t('a.required')} />
          <DateField name="plannedTo" label={t('plan.to')} required={t('a.required')} />
        </div>
        <Form.Item name="criteria" label={t('plan.criteria')}><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="processIds" label={t('plan.processes')} extra={t('plan.processesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('plan.processesRequired') }]}>
          <Select aria-label={t('plan.processes')} mode="multiple" options={processOptions} loading={processes.isPending} showSearch={{ filterOption: folded }}
            placeholder={t('plan.processes')} notFoundContent={t('a.none')} style={{ width: '100%' }} />
        </Form.Item>
        <div className="mc-qms-form-grid">
          <Form.Item name="leadStaffId" label={t('plan.lead')} rules={required}><PeopleSelect qmsId={qmsId} aria-label={t('plan.lead')} /></Form.Item>
          <Form.Item name="memberStaffIds" label={t('plan.members')}><PeopleSelect qmsId={qmsId} multiple exclude={lead} aria-label={t('plan.members')} /></Form.Item>
        </div>
        <Typography.Text strong>{t('plan.questions')}</Typography.Text>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={4} style={{ marginTop: 8 }}>
              {fields.map((field, i) => (
                <div key={field.key} className="mc-qms-question">
                  <Form.Item name={[field.name, 'question']} label={t('plan.questionText', { n: i + 1 })} style={{ marginBottom: 8 }}>
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                  <Flex gap={8} wrap align="flex-end">
                    <Form.Item name={[field.name, 'clause']} label={t('plan.clause')} style={{ flex: '0 1 140px', marginBottom: 8 }}>
                      <Input maxLength={40} placeholder={t('plan.clausePlaceholder')} aria-label={t('plan.clauseOf', { n: i + 1 })} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'processId']} label={t('plan.process')} style={{ flex: '1 1 240px', marginBottom: 8 }}>
                      <Select aria-label={t('plan.processOf', { n: i + 1 })} options={[{ value: 0, label: t('plan.anyProcess') }, ...processOptions]}
                        placeholder={t('plan.anyProcess')} popupMatchSelectWidth={false} />
                    </Form.Item>
                    <Button icon={<MinusCircleOutlined aria-hidden />} onClick={() => remove(field.name)} aria-label={t('plan.removeQuestion', { n: i + 1 })} style={{ marginBottom: 8 }} />
                  </Flex>
                </div>
              ))}
              <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ question: '' })}>{t('plan.addQuestion')}</Button>
            </Flex>
          )}
        </Form.List>
        <Problem text={send.problem} />
      </Form>
    </Modal>
  );
}
