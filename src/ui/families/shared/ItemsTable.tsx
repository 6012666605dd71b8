// The per-item rows a language-model probe produced (one per pair, prompt, question…), folded, the
// first 200 shown: the full set is in the per-item CSV. Columns are the rows' own fields, so every
// family's table comes from this one component.
const MAX_ROWS = 200;
const HIDDEN_COLUMNS = new Set(['prompt', 'moreContext', 'lessContext']);

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(4);
  if (typeof v === 'string') return v.length > 90 ? `${v.slice(0, 90)}…` : v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'number' && !Number.isInteger(x) ? x.toFixed(3) : String(x))).join(', ');
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${typeof x === 'number' ? x.toFixed(3) : String(x)}`).join('; ');
  return String(v);
};

export function ItemsTable({ items, title }: { items: readonly object[]; title: string }) {
  if (!items.length) return null;
  const rows = items as readonly Record<string, unknown>[];
  const cols = Object.keys(rows[0]!).filter((k) => !HIDDEN_COLUMNS.has(k));
  return (
    <details className="items-table">
      <summary>
        Items ({rows.length.toLocaleString('en-US')}
        {rows.length > MAX_ROWS ? `, first ${MAX_ROWS} shown; all are in the per-item CSV` : ''})
      </summary>
      <div className="table-scroll">
        <table>
          <caption className="sr-only">Per-item scores of {title}</caption>
          <thead>
            <tr>
              {cols.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, MAX_ROWS).map((it, i) => (
              <tr key={i}>
                {cols.map((c) => (
                  <td key={c}>{cellText(it[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
