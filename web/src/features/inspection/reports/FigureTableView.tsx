import { useEffect, useRef } from 'react';
import { Grid, Table, Typography } from 'antd';
import type { ColumnType, ColumnsType } from 'antd/es/table';
import { formatNumber } from '../../../shared/format';
import type { Cell, FigureColumn, FigureTable } from './report-tables';

type Row = { key: string; cells: Cell[]; total?: boolean; part?: boolean };

/** Runs of consecutive columns under one group heading: [first index, count, group or null]. */
function runs(columns: readonly FigureColumn[]): [number, number, string | null][] {
  const out: [number, number, string | null][] = [];
  columns.forEach((c, i) => {
    const last = out[out.length - 1];
    if (last && c.group && last[2] === c.group) last[1]++;
    else out.push([i, 1, c.group ?? null]);
  });
  return out;
}

/**
 * One of the report's tables as the workbook has it: grouped headings, a number per cell, the total row
 * last and in bold. A wide table scrolls sideways with its labels pinned (not on a phone: no room).
 */
export function FigureTableView({ table }: { table: FigureTable }) {
  // Labels stay in view while a wide table scrolls, except on a phone, where they would leave no room for figures.
  const wide = Grid.useBreakpoint().md === true;
  const pin = wide && table.columns.length > 4;
  const widthOf = (c: FigureColumn, i: number) => (i === 0 ? 48 : c.text ? (wide ? 240 : 150) : 92);
  const rows: Row[] = [
    ...table.rows.map((cells, i) => ({ key: String(i), cells, part: cells[0] === null })),
    ...(table.total && table.rows.length ? [{ key: 'total', cells: table.total, total: true }] : []),
  ];
  const leaf = (c: FigureColumn, i: number): ColumnType<Row> => ({
    key: String(i),
    title: c.title,
    align: c.text ? 'left' : 'right',
    width: widthOf(c, i),
    ...(pin && c.text ? { fixed: 'left' as const } : {}),
    onCell: (row) => ({ className: row.part && i === 1 ? 'mc-insp-rep-part' : undefined }),
    render: (_: unknown, row: Row) => {
      const v = row.cells[i];
      const text = typeof v === 'number' ? formatNumber(v) : v ?? '';
      return row.total ? <strong>{text}</strong> : text;
    },
  });
  const columns: ColumnsType<Row> = runs(table.columns).map(([first, span, group]) =>
    group === null
      ? leaf(table.columns[first]!, first)
      : { key: `g${first}`, title: group, align: 'center' as const, children: table.columns.slice(first, first + span).map((c, j) => leaf(c, first + j)) });
  const width = table.columns.reduce((a, c, i) => a + widthOf(c, i), 0);
  const host = useRef<HTMLElement>(null);
  // A table wider than the screen scrolls inside its own box: keyboard users reach that box with Tab and
  // scroll it with the arrows, and a screen reader names it by the table's title (WCAG 2.1.1).
  useEffect(() => {
    const section = host.current;
    if (!section) return;
    const mark = () => {
      for (const box of section.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')) {
        if (box.scrollWidth > box.clientWidth + 1) {
          box.tabIndex = 0;
          box.setAttribute('role', 'region');
          box.setAttribute('aria-label', table.title);
        } else {
          box.removeAttribute('tabindex');
          box.removeAttribute('role');
          box.removeAttribute('aria-label');
        }
      }
    };
    mark();
    const watch = new ResizeObserver(mark);
    watch.observe(section);
    return () => watch.disconnect();
  }, [table.title, width]);
  return (
    // A table of one or two figures reads better narrow than stretched over a wide screen.
    <section ref={host} className={table.columns.length <= 4 ? 'mc-insp-rep-table mc-insp-rep-narrow' : 'mc-insp-rep-table'} aria-labelledby={`insp-rep-${table.id}`}>
      <Typography.Title level={3} id={`insp-rep-${table.id}`} className="mc-insp-rep-h3">{table.title}</Typography.Title>
      <Table<Row> rowKey="key" size="small" bordered pagination={false} columns={columns} dataSource={rows}
        data-testid={`insp-rep-${table.id}`} scroll={{ x: width }} locale={{ emptyText: table.empty ?? '—' }}
        rowClassName={(row) => (row.total ? 'mc-insp-rep-total' : '')} />
    </section>
  );
}
