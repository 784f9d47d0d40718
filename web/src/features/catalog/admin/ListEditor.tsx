import type { ReactNode } from 'react';
import { Button, Checkbox, Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs from 'dayjs';
import { DATE_PATTERN } from '../../../shared/format';
import { useT } from '../../../shared/i18n';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useCatalogT } from '../i18n';

/** One input of a list row: what it edits and how it is drawn. */
export type FieldSpec = {
  name: (string | number)[];
  label: string;
  kind?: 'text' | 'textarea' | 'int' | 'select' | 'multi' | 'check' | 'date';
  options?: { value: string; label: string }[];
  /** Columns out of 24 on a wide screen. */
  span?: number;
  required?: boolean;
  placeholder?: string;
};

/**
 * A calendar date shown dd/mm/yyyy and kept in the form as 'YYYY-MM-DD', the API's format, so
 * form values and server field errors use the same shape.
 */
export function DateItem({ name, label, required }: { name: (string | number)[] | string; label: string; required?: boolean }) {
  const t = useCatalogT();
  const ts = useT();
  return (
    <Form.Item name={name} label={label} rules={required ? [{ required: true, message: t('required') }] : undefined}
      getValueProps={(v?: string) => ({ value: v ? dayjs(v) : undefined })}
      normalize={(d?: dayjs.Dayjs | null) => (d ? d.format('YYYY-MM-DD') : undefined)}>
      <DatePicker format={DATE_PATTERN} placeholder={ts('common.datePlaceholder')} style={{ width: '100%' }} />
    </Form.Item>
  );
}

export function FieldInput({ spec, prefix = [] }: { spec: FieldSpec; prefix?: (string | number)[] }) {
  const t = useCatalogT();
  const kind = spec.kind ?? 'text';
  const rules = spec.required ? [{ required: true, message: t('required') }] : undefined;
  const common = { name: [...prefix, ...spec.name], label: spec.label, rules };
  let input: ReactNode;
  switch (kind) {
    case 'textarea': input = <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} placeholder={spec.placeholder} />; break;
    case 'int': input = <InputNumber min={0} precision={0} style={{ width: '100%' }} />; break;
    case 'select': input = <Select options={spec.options} allowClear={!spec.required} />; break;
    case 'multi': input = <Select mode="multiple" options={spec.options} allowClear />; break;
    case 'date': return <DateItem name={[...prefix, ...spec.name]} label={spec.label} required={spec.required} />;
    case 'check': return <Form.Item {...common} valuePropName="checked"><Checkbox /></Form.Item>;
    default: input = <Input placeholder={spec.placeholder} />;
  }
  return <Form.Item {...common}>{input}</Form.Item>;
}

/** A grid of inputs, for one object (e.g. the general information) or one row of a list. */
export function FieldGrid({ specs, prefix = [] }: { specs: FieldSpec[]; prefix?: (string | number)[] }) {
  return (
    <Row gutter={12}>
      {specs.map((s) => (
        <Col key={s.name.join('.')} xs={24} md={s.span ?? 12}>
          <FieldInput spec={s} prefix={prefix} />
        </Col>
      ))}
    </Row>
  );
}

/** A Form.List of rows with the same inputs, with add and remove buttons. */
export function ListEditor({ name, specs, newRow, title }: { name: (string | number)[]; specs: FieldSpec[]; newRow: () => object; title?: (index: number) => ReactNode }) {
  const t = useCatalogT();
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <>
          {rows.map((row, index) => (
            <div key={row.key} className="mc-cat-row">
              <Row justify="space-between" align="middle" style={{ marginBottom: 6 }}>
                <strong>{title ? title(index) : `#${index + 1}`}</strong>
                <Button size="small" danger type="text" icon={<DeleteOutlined />} onClick={() => remove(row.name)} aria-label={t('edit.removeRow')}>
                  {t('edit.removeRow')}
                </Button>
              </Row>
              <FieldGrid specs={specs} prefix={[row.name]} />
            </div>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add(newRow())}>{t('edit.addRow')}</Button>
        </>
      )}
    </Form.List>
  );
}
