// The numbers of a chart as an accessible table, one toggle away ("Show as table"): a chart's SVG is
// hidden from screen readers, and some readers want the numbers, not the picture. Each chart builds
// its columns and rows from the same data it draws, so the table cannot say something else.
import { useId, useState } from 'react';
import '../../styles/charts.css';

export type TableCell = string | number;

export interface ChartTable {
  caption: string;
  columns: readonly string[];
  rows: readonly (readonly TableCell[])[];
}

const cellText = (c: TableCell): string => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(3)) : c);

export function ChartDataTable({ table }: { table: ChartTable }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="chart-data-table">
      <button type="button" className="small" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? 'Hide table' : 'Show as table'}
      </button>
      <div id={id} hidden={!open} className="table-scroll">
        {open && (
          <table className="compact">
            <caption>{table.caption}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r, i) => (
                <tr key={i}>
                  {r.map((c, j) =>
                    j === 0 ? (
                      <th key={j} scope="row">
                        {cellText(c)}
                      </th>
                    ) : (
                      <td key={j}>{cellText(c)}</td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
