// JSON text as importers read it: BOM ignored, syntax errors placed by line and column.
import { describe, expect, it } from 'vitest';
import { notValidJson, readJsonText } from '../../../src/core/input/jsonText';

describe('readJsonText', () => {
  it('ignores a leading byte-order mark', () => {
    expect(readJsonText('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });
  it('places a syntax error: the third line, fifth column holds the stray token', () => {
    const r = readJsonText('{\n "a": 1,\n    x\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.at).toBe(' at line 3, column 5');
    expect(notValidJson(r)).toMatch(/^not valid JSON at line 3, column 5: /);
  });
  it('places an unfinished text at its end', () => {
    const r = readJsonText('{"family": ');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.at).toBe(' at line 1, column 12');
  });
});
