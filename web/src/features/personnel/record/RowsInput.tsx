import { Button, DatePicker, Flex, Input, InputNumber, Select, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DATE_PATTERN } from '../../../shared/format';
import { useRecordT } from '../i18n';
import { ROW_COLUMNS, type Row, type RowColumn, type TableField, blankRow } from './model';
import { useRecordFormat } from './format';

/**
 * One table of the record as a form control (value: its rows), edited cell by cell. Months are kept as
 * "YYYY-MM" and dates as "YYYY-MM-DD", as the server stores them; each control names its column and row.
 */
export function RowsInput({ table, value, onChange }: { table: TableField; value?: Row[]; onChange?: (rows: Row[]) => void }) {
  const t = useRecordT();
  const f = useRecordFormat();
  const rows = value ?? [];
  const set = (i: number, key: string, v: unknown) => onChange?.(rows.map((r, j) => (j === i ? { ...r, [key]: v } : r)));
  const control = (c: RowColumn, row: Row, i: number) => {
    const label = t('rows.aria', { column: f.colLabel(table, c.key), n: i + 1 });
    const v = row[c.key];
    switch (c.kind) {
      case 'month':
        return <DatePicker picker="month" format="MM/YYYY" aria-label={label} style={{ width: '100%' }} value={typeof v === 'string' && v ? dayjs(`${v}-01`) : null}
          onChange={(d) => set(i, c.key, d ? d.format('YYYY-MM') : c.nullable ? null : '')} />;
      case 'date':
        return <DatePicker format={DATE_PATTERN} aria-label={label} style={{ width: '100%' }} value={typeof v === 'string' && v ? dayjs(v) : null}
          onChange={(d) => set(i, c.key, d ? d.format('YYYY-MM-DD') : c.nullable ? null : '')} />;
      case 'side':
        return <Select aria-label={label} style={{ width: '100%' }} value={v as string} onChange={(x: string) => set(i, c.key, x)}
          options={[{ value: 'own', label: t('side.own') }, { value: 'spouse', label: t('side.spouse') }]} />;
      case 'int':
      case 'year':
      case 'decimal':
        return <InputNumber aria-label={label} style={{ width: '100%' }} value={typeof v === 'number' ? v : null} precision={c.kind === 'decimal' ? 2 : 0}
          min={c.kind === 'year' ? 1880 : 0} max={c.kind === 'year' ? 2100 : c.kind === 'int' ? 20 : 15} onChange={(x) => set(i, c.key, typeof x === 'number' ? x : null)} />;
      default:
        return <Input aria-label={label} value={typeof v === 'string' ? v : ''} maxLength={c.max} onChange={(e) => set(i, c.key, e.target.value)} />;
    }
  };
  const columns: ColumnsType<Row> = [
    ...ROW_COLUMNS[table].map((c) => ({ key: c.key, title: `${f.colLabel(table, c.key)}${c.required ? ' *' : ''}`, width: c.width, render: (_: unknown, row: Row, i: number) => control(c, row, i) })),
    {
      key: 'remove', title: '', width: 48,
      render: (_: unknown, _row: Row, i: number) => <Button type="text" danger icon={<DeleteOutlined aria-hidden />} aria-label={t('rows.remove', { n: i + 1 })} onClick={() => onChange?.(rows.filter((_r, j) => j !== i))} />,
    },
  ];
  return (
    <Flex vertical gap={8}>
      <Table<Row> aria-label={f.fieldLabel(table)} rowKey={(_, i) => String(i)} size="small" columns={columns} dataSource={rows} pagination={false}
        scroll={{ x: 'max-content' }} locale={{ emptyText: t('rows.empty') }} />
      <div><Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => onChange?.([...rows, blankRow(table)])}>{t('rows.add')}</Button></div>
    </Flex>
  );
}
