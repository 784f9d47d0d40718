import { useState } from 'react';
import { App, Collapse, Form, Input, Modal, Select, Typography } from 'antd';
import { errorMessage, isApiError } from '../../../shared/api';
import { useLocale } from '../../../shared/i18n';
import { useProposeChange } from '../api-people';
import { useRecordT } from '../i18n';
import type { PersonRecord, RecordField } from '../labels';
import { DateField, Problem } from '../ui';
import { DATE_FIELDS, LONG_FIELDS, MAX_LENGTH, type ScalarField, SECTIONS, TABLE_FIELDS, type TableField, changedFields, isTableField } from './model';
import { RowsInput } from './RowsInput';
import { useRecordFormat } from './format';

type Values = Partial<Record<RecordField, unknown>> & { reason?: string };

/**
 * A change to a record, proposed by the person or by HR over the whole form (Law 80/2025 Art. 42): only the
 * fields that differ are sent, and nothing changes until HR approves. The server's field errors
 * ("set.training.2.from") are put under the field or table they belong to.
 */
export function ChangeDialog({ personId, record, onClose }: { personId: number; record: PersonRecord; onClose: () => void }) {
  const t = useRecordT();
  const f = useRecordFormat();
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const propose = useProposeChange(personId);
  const [problem, setProblem] = useState<string | null>(null);
  // A table's errors are shown under it, not on its Form.Item: that would turn every cell red.
  const [tableErrors, setTableErrors] = useState<Partial<Record<TableField, string[]>>>({});
  const [open, setOpen] = useState<string[]>(['identity']);
  const initial: Values = { ...record, ...Object.fromEntries(TABLE_FIELDS.map((k) => [k, record[k] ?? []])) };

  const finish = async ({ reason, ...edited }: Values) => {
    setProblem(null);
    setTableErrors({});
    const set = changedFields(record, edited);
    if (!Object.keys(set).length) { setProblem(t('change.nothing')); return; }
    try {
      await propose.mutateAsync({ set: set as never, reason: (reason ?? '').trim() });
      void message.success(t('change.sent'));
      onClose();
    } catch (error) {
      const rest: string[] = [];
      const updates: { name: string; errors: string[] }[] = [];
      const tables: Partial<Record<TableField, string[]>> = {};
      const refusal = isApiError(error) ? error : null;
      for (const fe of refusal?.fields ?? []) {
        const [, field, row] = fe.path.split('.').filter((s) => s !== 'body');
        const text = refusal!.fieldMessageIn(fe, locale);
        if (fe.path.startsWith('reason')) updates.push({ name: 'reason', errors: [text] });
        else if (field && isTableField(field)) (tables[field] ??= []).push(row !== undefined && /^\d+$/.test(row) ? `${t('rows.aria', { column: f.fieldLabel(field), n: Number(row) + 1 })}: ${text}` : text);
        else if (field && field in initial) updates.push({ name: field, errors: [text] });
        else rest.push(text);
      }
      form.setFields(updates as never);
      setTableErrors(tables);
      // Open every section holding an error, so none is hidden in a closed panel.
      const wrong = new Set<string>([...Object.keys(tables), ...updates.map((u) => u.name)]);
      setOpen((keys) => [...new Set([...keys, ...SECTIONS.filter((sec) => (sec.table ? wrong.has(sec.table) : sec.fields.some((x) => wrong.has(x)))).map((sec) => sec.key)])]);
      setProblem(refusal?.fields.length ? (rest.length ? rest.join(' ') : null) : errorMessage(error, locale));
    }
  };

  const scalar = (field: ScalarField) => {
    const label = f.fieldLabel(field);
    if (DATE_FIELDS.has(field)) return <DateField key={field} name={field} label={label} />;
    if (field === 'sex') {
      return <Form.Item key={field} name={field} label={label}><Select aria-label={label} options={[{ value: 'male', label: t('sex.male') }, { value: 'female', label: t('sex.female') }]} /></Form.Item>;
    }
    return (
      <Form.Item key={field} name={field} label={label}>
        {LONG_FIELDS.has(field) ? <Input.TextArea rows={3} maxLength={MAX_LENGTH[field] ?? 300} /> : <Input maxLength={MAX_LENGTH[field] ?? 300} />}
      </Form.Item>
    );
  };

  return (
    <Modal open width={1100} title={t('change.title')} okText={t('change.send')} cancelText={t('decide.cancel')} onOk={() => form.submit()} onCancel={onClose}
      okButtonProps={{ loading: propose.isPending }} destroyOnHidden>
      <Typography.Paragraph type="secondary">{t('change.hint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void finish(v)}>
        <Collapse size="small" activeKey={open} onChange={(keys) => setOpen(keys as string[])} items={SECTIONS.map((s) => ({
          key: s.key,
          label: s.table ? f.fieldLabel(s.table) : t(`section.${s.key}` as 'section.identity'),
          forceRender: true,
          children: s.table
            ? (
              <>
                <Form.Item name={s.table} noStyle><RowsInput table={s.table} /></Form.Item>
                {(tableErrors[s.table] ?? []).map((m) => <Typography.Text key={m} type="danger" role="alert" style={{ display: 'block' }}>{m}</Typography.Text>)}
              </>
            )
            : <div className="mc-hr-form-grid">{s.fields.map(scalar)}</div>,
        }))} />
        <Form.Item name="reason" label={t('change.reason')} style={{ marginTop: 16 }}
          rules={[{ required: true, whitespace: true, min: 3, message: t('change.reasonRequired') }]}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('change.reasonPlaceholder')} />
        </Form.Item>
        <Problem text={problem} />
      </Form>
    </Modal>
  );
}
