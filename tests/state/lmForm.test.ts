// The LM probe form as data: a family's schema and a probe's JSON become the fields the form draws
// (labels, kinds, values, defaults), and each form edit is exactly the JSON change it names —
// checked against JSON written out by hand. The checks of the editor's own validation land on the
// field whose path they name.
import { describe, expect, it } from 'vitest';
import { getLmBuiltinProbe } from '../../src/probes/builtin';
import { lmBuiltinsByFamily, validateLmDraft } from '../../src/state/lmDraft';
import { blankLmProbe, lmFormOf, placeIssues, readableKey, type FormField } from '../../src/state/lmForm';
import { addRow, draftTextOf, linesValue, numberValue, removeRow, renameEntry, setField } from '../../src/state/lmFormEdits';

const find = (fields: readonly FormField[], path: string): FormField => {
  const walk = (f: FormField): FormField | undefined => {
    if (f.path.join('.') === path) return f;
    const kids = f.kind === 'group' ? f.children : f.kind === 'rows' ? f.rows : f.kind === 'entries' ? f.entries.map((e) => e.field) : [];
    for (const k of kids) {
      const hit = walk(k);
      if (hit) return hit;
    }
    return undefined;
  };
  for (const f of fields) {
    const hit = walk(f);
    if (hit) return hit;
  }
  throw new Error(`no field at ${path}`);
};

const kinds = (fields: readonly FormField[]): string[] => {
  const out: string[] = [];
  const walk = (f: FormField) => {
    out.push(f.kind);
    if (f.kind === 'group') f.children.forEach(walk);
    if (f.kind === 'rows') f.rows.forEach(walk);
    if (f.kind === 'entries') f.entries.forEach((e) => walk(e.field));
  };
  fields.forEach(walk);
  return out;
};

const twoPairs = {
  family: 'counterfactual-pairs',
  id: 'my-pairs',
  title: 'My pairs',
  pairs: [{ id: 'p1', more: 'The nurse said she was tired.', less: 'The nurse said he was tired.' }],
};

describe('the form of a probe', () => {
  it('draws counterfactual pairs as its top fields and one row per pair, with the values of the probe', () => {
    const fields = lmFormOf(twoPairs)!;
    expect(fields.map((f) => [f.path.join('.'), f.kind, f.label, f.required])).toEqual([
      ['id', 'text', 'ID', true],
      ['title', 'text', 'Title', true],
      ['description', 'text', 'Description', false],
      ['citation', 'group', 'Citation', false],
      ['source', 'text', 'Source', false],
      ['scoring', 'choice', 'Scoring', false],
      ['pairs', 'rows', 'Pairs', true],
    ]);
    const scoring = find(fields, 'scoring');
    expect(scoring.kind === 'choice' && [scoring.value, scoring.isDefault, scoring.options.map((o) => o.value)]).toEqual(['causal-full', true, ['causal-full', 'causal-mean', 'masked-pll']]);
    const pairs = find(fields, 'pairs');
    expect(pairs.kind === 'rows' && pairs.rows.map((r) => r.label)).toEqual(['Pair 1']);
    expect(find(fields, 'pairs.0.less')).toMatchObject({ kind: 'text', label: 'Less', value: 'The nurse said he was tired.', required: true });
    expect(find(fields, 'pairs.0.direction')).toMatchObject({ kind: 'choice', value: '', required: false, options: [{ value: 'stereo' }, { value: 'antistereo' }] });
    expect(find(fields, 'citation')).toMatchObject({ kind: 'group', present: false, fixed: false, template: { text: '' } });
  });

  it('reads the other shapes the LM schemas use: word lists, fixed pairs, unions of constants, integers, optional flags, named lists', () => {
    const judge = lmFormOf(getLmBuiltinProbe('lm-pairwise-position-30'))!;
    expect(find(judge, 'items.0.answers')).toMatchObject({ kind: 'group', fixed: true });
    expect(find(judge, 'items.0.answers.1')).toMatchObject({ kind: 'text', label: 'Answer 2' });
    expect(find(judge, 'items.0.better')).toMatchObject({ kind: 'choice', options: [{ value: 0 }, { value: 1 }] });
    // a built-in has its defaults filled in; a probe written without labels shows the default pair
    const unlabelled = lmFormOf({ family: 'pairwise-position', id: 'j', title: 'J', items: [] })!;
    expect(find(unlabelled, 'labels')).toMatchObject({ kind: 'group', isDefault: true, children: [{ value: 'A', isDefault: true }, { value: 'B' }] });
    expect(find(judge, 'labels')).toMatchObject({ kind: 'group', isDefault: false });
    const builtinIat = getLmBuiltinProbe('lm-llm-iat-gender-career') as unknown as Record<string, unknown>;
    const { iterations: _i, generation: _g, ...written } = builtinIat;
    const iat = lmFormOf(written)!;
    expect(find(iat, 'generation.maxNewTokens')).toMatchObject({ kind: 'number', integer: true, min: 1, max: 2048, value: '100', required: true, isDefault: true });
    expect(find(iat, 'generation.chatTemplate')).toMatchObject({ kind: 'flag', value: undefined, required: false });
    expect(find(iat, 'iterations')).toMatchObject({ kind: 'number', value: '10', isDefault: true, hint: 'Default: 10.' });
    const words = find(lmFormOf(getLmBuiltinProbe('lm-iat-flowers-insects'))!, 'targets.X.words');
    expect(words.kind === 'lines' && words.value.slice(0, 3)).toEqual(['aster', 'clover', 'hyacinth']);
    const template = lmFormOf(getLmBuiltinProbe('lm-counterfactual-occupations'))!;
    const slots = find(template, 'slots');
    expect(slots.kind === 'entries' && [slots.entries.map((e) => e.key), slots.newKey]).toEqual([['occupation'], 'slot2']);
    expect(find(template, 'slots.occupation')).toMatchObject({ kind: 'rows', label: 'Slot “occupation”', itemLabel: '“occupation” value' });
    expect(find(template, 'slots.occupation.0')).toMatchObject({ kind: 'group', label: '“occupation” value 1', children: [{ label: 'Value', value: 'a nurse' }, { label: 'Stereotype', value: 'female' }] });
  });

  it('has a control for every field of every LM built-in (no value falls back to a JSON box)', () => {
    let families = 0;
    for (const g of lmBuiltinsByFamily()) {
      families++;
      for (const p of g.probes) expect(kinds(lmFormOf(JSON.parse(JSON.stringify(p)))!), p.id).not.toContain('json');
    }
    expect(families).toBe(13);
  });

  it('draws only the rows asked for and counts the rest', () => {
    const p = getLmBuiltinProbe('lm-counterfactual-basic') as unknown as { pairs: unknown[] };
    const pairs = find(lmFormOf(p, (path) => (path.join('.') === 'pairs' ? 5 : Infinity))!, 'pairs');
    expect(pairs.kind === 'rows' && [pairs.rows.length, pairs.count, pairs.rows.at(-1)!.label]).toEqual([5, p.pairs.length, 'Pair 5']);
  });

  it('has no form for a word-vector probe or an unknown family', () => {
    expect(lmFormOf({ family: 'weat', id: 'x' })).toBeNull();
    expect(lmFormOf({ family: 'nope' })).toBeNull();
    expect(lmFormOf([1, 2])).toBeNull();
  });

  it('labels keys as words', () => {
    expect(['promptTemplate', 'maxNewTokens', 'X', 'id', 'stigmaTask', 'topK'].map(readableKey)).toEqual(['Prompt template', 'Max new tokens', 'X', 'ID', 'Stigma task', 'Top k']);
  });
});

describe('form edits are the JSON change they name', () => {
  it('adding a pair and filling it in gives the probe with that pair appended', () => {
    const pairs = find(lmFormOf(twoPairs)!, 'pairs');
    if (pairs.kind !== 'rows') throw new Error('pairs are rows');
    let v = addRow(twoPairs, pairs.path, pairs.newItem);
    const row = find(lmFormOf(v)!, 'pairs.1.more');
    v = setField(v, row.path, 'The engineer said he was tired.', row.ensure);
    v = setField(v, ['pairs', 1, 'less'], 'The engineer said she was tired.');
    expect(draftTextOf(v)).toBe(`{
  "family": "counterfactual-pairs",
  "id": "my-pairs",
  "title": "My pairs",
  "pairs": [
    {
      "id": "p1",
      "more": "The nurse said she was tired.",
      "less": "The nurse said he was tired."
    },
    {
      "id": "pair-2",
      "more": "The engineer said he was tired.",
      "less": "The engineer said she was tired."
    }
  ]
}
`);
    expect(validateLmDraft(draftTextOf(v)).errors).toBe(0);
    expect(removeRow(v, ['pairs'], 0)).toEqual({ ...twoPairs, pairs: [{ id: 'pair-2', more: 'The engineer said he was tired.', less: 'The engineer said she was tired.' }] });
  });

  it('a new row takes an id none of its siblings has', () => {
    const probe = { ...twoPairs, pairs: [{ id: 'pair-2', more: 'a', less: 'b' }] };
    const pairs = find(lmFormOf(probe)!, 'pairs');
    expect(pairs.kind === 'rows' && pairs.newItem).toEqual({ id: 'pair-3', more: '', less: '' });
  });

  it('an optional field cleared or unset is removed from the probe; a constant choice keeps its type', () => {
    const withCategory = setField(twoPairs, ['pairs', 0, 'category'], 'gender');
    expect((withCategory as typeof twoPairs & { pairs: { category?: string }[] }).pairs[0]!.category).toBe('gender');
    expect(setField(withCategory, ['pairs', 0, 'category'], undefined)).toEqual(twoPairs);
    const judge = { family: 'pairwise-position', id: 'j', title: 'J', items: [{ id: 'a', question: 'Q?', answers: ['x', 'y'] }] };
    const better = find(lmFormOf(judge)!, 'items.0.better');
    if (better.kind !== 'choice') throw new Error('choice');
    expect(setField(judge, better.path, better.options[1]!.value)).toEqual({ ...judge, items: [{ id: 'a', question: 'Q?', answers: ['x', 'y'], better: 1 }] });
  });

  it('editing one part of a defaulted object writes the whole default first', () => {
    const p = { family: 'decision-template', id: 'd', title: 'D', questions: [{ id: 'q', text: 'Hire {age}?' }], attributes: [{ slot: 'age', values: ['20', '60'], reference: '20' }] };
    const yes = find(lmFormOf(p)!, 'answers.yes');
    expect(yes).toMatchObject({ kind: 'lines', isDefault: true, value: ['yes', 'Yes'] });
    expect(setField(p, yes.path, linesValue('yes\nYes\n\nsure\n'), yes.ensure)).toEqual({ ...p, answers: { yes: ['yes', 'Yes', 'sure'], no: ['no', 'No'] } });
  });

  it('a string item becomes its object when annotated, and the bare string again when the annotation is cleared', () => {
    const p = getLmBuiltinProbe('lm-counterfactual-occupations') as unknown as { slots: Record<string, unknown[]> };
    const plain = { ...p, slots: { occupation: ['a nurse', 'a pilot'] } };
    const st = find(lmFormOf(plain)!, 'slots.occupation.1.stereotype');
    expect(st).toMatchObject({ kind: 'text', value: '', required: false });
    const annotated = setField(plain, st.path, 'male', st.ensure) as typeof plain;
    expect(annotated.slots.occupation).toEqual(['a nurse', { value: 'a pilot', stereotype: 'male' }]);
    const cleared = setField(annotated, st.path, undefined, find(lmFormOf(annotated)!, 'slots.occupation.1.stereotype').ensure) as typeof plain;
    expect(cleared.slots.occupation).toEqual(['a nurse', 'a pilot']);
  });

  it('renaming a named list keeps its place among the others; a name already taken is refused', () => {
    const v = { slots: { a: ['1'], b: ['2'], c: ['3'] } };
    expect(Object.keys((renameEntry(v, ['slots'], 'b', 'job') as typeof v).slots)).toEqual(['a', 'job', 'c']);
    expect(renameEntry(v, ['slots'], 'b', 'c')).toBe(v);
  });

  it('number boxes give numbers, and keep text that is not one so the check can name it', () => {
    expect([numberValue('12', true), numberValue('0.5', true), numberValue('', false), numberValue('', true), numberValue('ten', true)]).toEqual([12, 0.5, undefined, '', 'ten']);
    // What Number() would silently read (16, 1000, 12, 1000) stays text, for the schema to name.
    expect(['0x10', '1e3', ' 12', '1_000', '+3', '010'].map((t) => numberValue(t, true))).toEqual(['0x10', '1e3', ' 12', '1_000', '+3', '010']);
  });
});

describe('a new probe and its checks beside the fields', () => {
  it('starts a blank counterfactual-pairs probe with one empty pair, whose checks sit on the fields to fill in', () => {
    const blank = blankLmProbe('counterfactual-pairs')!;
    expect(blank).toEqual({ family: 'counterfactual-pairs', id: 'my-counterfactual-pairs', title: '', pairs: [{ id: 'pair-1', more: '', less: '' }] });
    const v = validateLmDraft(draftTextOf(blank));
    const placed = placeIssues(lmFormOf(blank)!, v.issues);
    expect([...placed.keys()].sort()).toEqual(['pairs.0', 'pairs.0.less', 'pairs.0.more', 'title']);
    expect(placed.get('pairs.0.more')![0]!.message).toMatch(/empty sentence/);
    expect(placed.get('pairs.0')![0]!.message).toMatch(/identical/);
  });

  it('places a check below a drawn field on its nearest drawn ancestor and leaves whole-probe checks out', () => {
    const fields = lmFormOf(twoPairs)!;
    const placed = placeIssues(fields, [
      { level: 'error', path: 'pairs.0.id.extra', message: 'deep' },
      { level: 'error', path: '', message: 'whole' },
      { level: 'warning', path: 'pairs', message: 'list' },
    ]);
    expect([...placed.entries()].map(([k, l]) => [k, l.map((i) => i.message)])).toEqual([
      ['pairs.0.id', ['deep']],
      ['pairs', ['list']],
    ]);
  });

  it('a blank probe of every LM family is drawn and its checks all land on drawn fields or the probe as a whole', () => {
    for (const g of lmBuiltinsByFamily()) {
      const blank = blankLmProbe(g.family)!;
      const v = validateLmDraft(draftTextOf(blank));
      expect(v.errors, g.family).toBeGreaterThan(0);
      const placed = placeIssues(lmFormOf(blank)!, v.issues);
      const placedCount = [...placed.values()].reduce((n, l) => n + l.length, 0);
      expect(placedCount, g.family).toBe(v.issues.filter((i) => i.path !== '').length);
    }
  });
});
