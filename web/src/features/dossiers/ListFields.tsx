import { Button, Card, Flex, Form, Input, InputNumber } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { formatNumber } from '../../shared/format';
import { useDossierT } from './i18n';

const atLeastOne = (message: string) => ({
  validator: async (_: unknown, rows?: unknown[]) => {
    if (!rows || rows.length === 0) throw new Error(message);
  },
});

/** A list of reasons (refusal at reception, form 03). Values: string[]. */
export function ReasonsField({ name = 'reasons' }: { name?: string }) {
  const t = useDossierT();
  return (
    <Form.List name={name} rules={[atLeastOne(t('list.atLeastOne'))]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start">
              <Form.Item
                {...field}
                label={t('list.reason', { n: index + 1 })}
                rules={[{ required: true, whitespace: true, message: t('list.required') }]}
                style={{ flex: 1 }}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={`${t('list.remove')} ${index + 1}`}
                onClick={() => remove(field.name)}
                style={{ marginTop: 30 }}
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add('')} block>
            {t('list.addReason')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

export interface SupplementItemValue {
  name: string;
  reason: string;
  legalBasis?: string;
}

/** Documents to supplement, each with its reason and legal basis (form 02). */
export function SupplementItemsField({ name = 'items' }: { name?: string }) {
  const t = useDossierT();
  return (
    <Form.List name={name} rules={[atLeastOne(t('list.atLeastOne'))]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 12 }}
              title={`${index + 1}.`}
              extra={
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={`${t('list.remove')} ${index + 1}`}
                  onClick={() => remove(field.name)}
                />
              }
            >
              <Form.Item
                name={[field.name, 'name']}
                label={t('list.itemName')}
                rules={[{ required: true, whitespace: true, message: t('list.required') }]}
              >
                <Input maxLength={500} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'reason']}
                label={t('list.itemReason')}
                rules={[{ required: true, whitespace: true, message: t('list.required') }]}
              >
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
              </Form.Item>
              <Form.Item name={[field.name, 'legalBasis']} label={t('list.itemLegal')} style={{ marginBottom: 0 }}>
                <Input maxLength={300} />
              </Form.Item>
            </Card>
          ))}
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', reason: '' })} block>
            {t('list.addItem')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

/** Fees to pay (request_payment): name and amount in đồng. */
export function FeeItemsField({ name = 'items' }: { name?: string }) {
  const t = useDossierT();
  return (
    <Form.List name={name} rules={[atLeastOne(t('list.atLeastOne'))]}>
      {(fields, { add, remove }, { errors }) => (
        <>
          {fields.map((field, index) => (
            <Flex key={field.key} gap={8} align="flex-start" wrap>
              <Form.Item
                name={[field.name, 'name']}
                label={t('form.feeName')}
                rules={[{ required: true, whitespace: true, message: t('list.required') }]}
                style={{ flex: '2 1 200px' }}
              >
                <Input maxLength={300} />
              </Form.Item>
              <Form.Item
                name={[field.name, 'amount']}
                label={t('form.amount')}
                rules={[{ required: true, message: t('list.required') }]}
                style={{ flex: '1 1 140px' }}
              >
                <MoneyInput />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined aria-hidden />}
                aria-label={`${t('list.remove')} ${index + 1}`}
                onClick={() => remove(field.name)}
                style={{ marginTop: 30 }}
              />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '' })} block>
            {t('form.addFee')}
          </Button>
          <Form.ErrorList errors={errors} />
        </>
      )}
    </Form.List>
  );
}

/** Whole đồng with dot thousands (50.000). */
export function MoneyInput(props: { value?: number; onChange?: (v: number | null) => void; id?: string }) {
  return (
    <InputNumber<number>
      {...props}
      min={1}
      step={1000}
      precision={0}
      style={{ width: '100%' }}
      formatter={(v) => formatNumber(v ?? '')}
      parser={(v) => Number((v ?? '').replace(/\D/g, ''))}
    />
  );
}
