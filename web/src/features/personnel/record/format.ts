import { useCallback, useMemo } from 'react';
import { formatDate } from '../../../shared/format';
import { useLocale } from '../../../shared/i18n';
import { useRecordT } from '../i18n';
import { RECORD_FIELD_LABELS, type RecordField } from '../labels';
import { DATE_FIELDS, ROW_COLUMNS, type CellKind, type Row, type TableField, isTableField } from './model';

const MONTH = /^(\d{4})-(\d{2})$/;
/** "2019-09" as the form prints it: 09/2019. */
export const formatMonth = (v: unknown) => (typeof v === 'string' && MONTH.test(v) ? v.replace(MONTH, '$2/$1') : String(v ?? ''));

/** Record values in the reader's language: dates dd/mm/yyyy, months mm/yyyy, sex and family side by name, tables as lines. */
export function useRecordFormat() {
  const t = useRecordT();
  const locale = useLocale();
  const fieldLabel = useCallback((f: string) => RECORD_FIELD_LABELS[f as RecordField]?.[locale] ?? f, [locale]);
  const colLabel = useCallback((table: TableField, key: string) => t(`col.${table}.${key}` as 'col.training.from'), [t]);
  const cell = useCallback((kind: CellKind, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '';
    if (kind === 'month') return formatMonth(v);
    if (kind === 'date') return formatDate(String(v));
    if (kind === 'side') return t(v === 'spouse' ? 'side.spouse' : 'side.own');
    if (kind === 'decimal' && typeof v === 'number') return v.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });
    return String(v);
  }, [t, locale]);
  const rowText = useCallback((table: TableField, row: Row) => ROW_COLUMNS[table]
    .map((c) => (c.key === 'to' && table === 'career' && !row[c.key] ? t('rows.present') : cell(c.kind, row[c.key])))
    .filter(Boolean).join(' · '), [cell, t]);
  /** One field's value as text; a table as one line per row. */
  const value = useCallback((field: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '';
    if (isTableField(field)) return ((v as Row[]) ?? []).map((r) => rowText(field, r)).join('\n');
    if (field === 'sex') return t(v === 'female' ? 'sex.female' : 'sex.male');
    if (DATE_FIELDS.has(field as RecordField)) return formatDate(String(v));
    return String(v);
  }, [rowText, t]);
  return useMemo(() => ({ fieldLabel, colLabel, cell, rowText, value }), [fieldLabel, colLabel, cell, rowText, value]);
}
