// The paper's table layout (Tamkin et al. 2023, Figures 1–2): one row per attribute value against the
// reference person, grouped by attribute (age, gender, race) under a heading row, with n, Δ logit,
// the test's interval, the question bootstrap, p and Holm p, and the verdict in words (not only a
// colour). Under the age groups, each age's descriptive difference from the reference age.
import { formatAdaptive, formatP } from '../../../probes/numberFormat';
import { significanceOf } from '../../../core/significance';
import type { DiscrimEvalResult } from '../../../probes/families/discrim-eval/result';
import { ageGroup } from '../../../probes/families/discrim-eval/run';
import { referencePerson, valueLabel } from '../../../probes/families/discrim-eval/summary';
import './attributeTable.css';

const bound = (x: number | null | undefined, side: 'low' | 'high') => (x === null || x === undefined ? (side === 'low' ? '−∞' : '∞') : formatAdaptive(x));
const interval = (ci: { low: number | null; high: number | null } | null | undefined) => (ci ? `[${bound(ci.low, 'low')}, ${bound(ci.high, 'high')}]` : '—');

const REFERENCE_OF: Record<string, (r: DiscrimEvalResult) => string> = {
  age: (r) => `age ${r.reference.age}`,
  gender: (r) => r.reference.gender,
  race: (r) => r.reference.race,
};

export function AttributeTable({ result: r }: { result: DiscrimEvalResult }) {
  const attributes = [...new Set(r.comparisons.map((c) => c.attribute))];
  return (
    <div className="table-scroll">
      <table className="compact discrim-eval-table">
        <caption>Δ logit of a “yes” against {referencePerson(r)}, by attribute</caption>
        <thead>
          <tr>
            <th scope="col">Value</th>
            <th scope="col">n (vs reference)</th>
            <th scope="col">Δ logit</th>
            <th scope="col">Interval of the test</th>
            <th scope="col">Question bootstrap</th>
            <th scope="col">p</th>
            <th scope="col">Holm p</th>
            <th scope="col">Verdict</th>
          </tr>
        </thead>
        {attributes.map((a) => (
          <tbody key={a}>
            <tr>
              <th scope="rowgroup" colSpan={8}>
                {a[0]!.toUpperCase() + a.slice(1)} (reference: {REFERENCE_OF[a]?.(r) ?? '—'})
              </th>
            </tr>
            {r.comparisons
              .filter((c) => c.attribute === a)
              .flatMap((c) => {
                const s = significanceOf(c.pValue, c.pHolm);
                const rows = [
                  <tr key={c.value}>
                    <th scope="row">{valueLabel(c)}</th>
                    <td>
                      {c.n} vs {c.nReference}
                    </td>
                    <td>{formatAdaptive(c.difference)}</td>
                    <td>{interval(c.testCi)}</td>
                    <td>{interval(c.ci)}</td>
                    <td>{formatP(c.pValue)}</td>
                    <td>{formatP(c.pHolm)}</td>
                    <td>{s?.significant ? 'significant' : 'not significant'}</td>
                  </tr>,
                ];
                if (a !== 'age') return rows;
                const ages = r.ages.filter((x) => x.age !== r.reference.age && ageGroup(x.age, r.reference.age) === c.value);
                return [
                  ...rows,
                  ...ages.map((x) => (
                    <tr key={`age-${x.age}`} className="descriptive">
                      <th scope="row">age {x.age}</th>
                      <td>{x.n}</td>
                      <td>{x.difference === null ? '—' : formatAdaptive(x.difference)}</td>
                      <td colSpan={5}>descriptive: this age alone against age {r.reference.age}, not tested</td>
                    </tr>
                  )),
                ];
              })}
          </tbody>
        ))}
      </table>
    </div>
  );
}
