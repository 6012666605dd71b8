// SEAT test files in the sent-bias layout (src/probes/import/seatTestFile.ts): the four fields become
// X, Y, A, B with their categories as labels and every example kept as written; bad fields are
// named by the file's own field names; and a word-level file (sent-bias's weat*.jsonl layout) gives
// the published WEAT numbers, since a one-word "sentence" is embedded as that word's vector.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssociationResult } from '../../../src/core/association/types';
import { DEFAULT_ASSOCIATION_OPTIONS } from '../../../src/core/association/types';
import { ParseError, ProbeValidationError } from '../../../src/core/errors';
import { getBuiltinProbe } from '../../../src/probes/builtin';
import { probeFromFile } from '../../../src/probes/import/editorFiles';
import { importSeatTestFile } from '../../../src/probes/import/seatTestFile';
import { runProbes } from '../../../src/probes/runProbes';
import type { AssociationProbe } from '../../../src/probes/schema';
import { loadEmbeddedModel } from '../../../src/runtime/node';
import type { WordEmbeddingModel } from '../../../src/runtime/types';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');
const root = join(import.meta.dirname, '..', '..', '..');

/** A built-in WEAT's words written as a sent-bias word-level test file (its weat*.jsonl layout). */
const asSentBiasFile = (probe: AssociationProbe): string =>
  `${JSON.stringify(
    {
      targ1: { category: probe.targets.X.label, examples: probe.targets.X.words },
      targ2: { category: probe.targets.Y.label, examples: probe.targets.Y.words },
      attr1: { category: probe.attributes.A.label, examples: probe.attributes.A.words },
      attr2: { category: probe.attributes.B.label, examples: probe.attributes.B.words },
    },
    null,
    2,
  )}\n`;

describe('SEAT test files (sent-bias .jsonl)', () => {
  it('maps targ1, targ2, attr1, attr2 to X, Y, A, B, labelled by category, each example one stimulus in the template {term}', () => {
    const text = fixture('seat-own.jsonl');
    const file = JSON.parse(text) as Record<'targ1' | 'targ2' | 'attr1' | 'attr2', { category: string; examples: string[] }>;
    const probe = importSeatTestFile(text, { id: 'seat-own', name: 'seat-own.jsonl' });
    expect(probe.family).toBe('seat');
    expect(probe.templates).toEqual(['{term}']);
    expect(probe.setTemplates).toBeUndefined();
    expect(probe.targets.X).toEqual({ label: 'Flowers', words: file.targ1.examples });
    expect(probe.targets.Y).toEqual({ label: 'Insects', words: file.targ2.examples });
    expect(probe.attributes.A).toEqual({ label: 'Pleasant', words: file.attr1.examples });
    expect(probe.attributes.B).toEqual({ label: 'Unpleasant', words: file.attr2.examples });
    expect(probe.citation?.text).toMatch(/^May, C\., Wang, A\..*CC BY-NC 4\.0/);
  });

  it('is what the WEAT/SEAT editor imports from a .jsonl file (the page path)', () => {
    const r = probeFromFile(fixture('seat-own.jsonl'), 'seat-own.jsonl');
    expect(r).toEqual({ kind: 'probe', probe: importSeatTestFile(fixture('seat-own.jsonl'), { id: 'seat-own', name: 'seat-own.jsonl' }) });
    // Content decides, not the name: the same object saved as .json is a SEAT test too.
    const asJson = probeFromFile(fixture('seat-own.jsonl'), 'seat-own.json');
    expect(asJson.kind === 'probe' && asJson.probe.family).toBe('seat');
  });

  it('names every bad field of the file by the file\'s field names', () => {
    let caught: unknown;
    try {
      importSeatTestFile(fixture('seat-bad-fields.jsonl'), { id: 'bad', name: 'seat-bad-fields.jsonl' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ProbeValidationError);
    const message = (caught as Error).message;
    expect(message).toContain('seat-bad-fields.jsonl is not a SEAT test file (3 problems):');
    expect(message).toContain('- targ2.category is missing');
    expect(message).toContain('- attr1.examples[2] is a number; every example is a string');
    expect(message).toContain('- attr2 is missing');
  });

  it('names problems of the probe it becomes by the file\'s fields too (a one-example set, a repeated example)', () => {
    const file = () => JSON.parse(fixture('seat-own.jsonl')) as Record<string, { category: string; examples: string[] }>;
    const tooSmall = file();
    tooSmall.targ2!.examples = ['The ant is here.'];
    expect(() => importSeatTestFile(JSON.stringify(tooSmall), { id: 'bad', name: 'small.jsonl' })).toThrow(
      'small.jsonl is not valid (1 problem):\n- targ2.examples: has only one word (“The ant is here.”): a set needs at least two.',
    );
    const repeated = file();
    repeated.attr1!.examples.push('This is lovely.');
    expect(() => importSeatTestFile(JSON.stringify(repeated), { id: 'bad', name: 'dup.jsonl' })).toThrow(
      'dup.jsonl is not valid (1 problem):\n- attr1.examples: set A lists "This is lovely." more than once',
    );
  });

  it('refuses text that is not one JSON object, with the place and the expected shape', () => {
    expect(() => importSeatTestFile('{"targ1": {"category": "A",\n  "examples": [', { id: 'x', name: 'broken.jsonl' })).toThrow(ParseError);
    expect(() => importSeatTestFile('{"targ1": {"category": "A",\n  "examples": [', { id: 'x', name: 'broken.jsonl' })).toThrow(
      /^broken\.jsonl is not valid JSON at line 2, column 16: .*; a SEAT test file holds one JSON object/,
    );
    expect(() => importSeatTestFile('[1, 2]', { id: 'x', name: 'list.jsonl' })).toThrow('list.jsonl holds a list; a SEAT test file holds one JSON object');
  });

  describe('on GloVe', () => {
    let model: WordEmbeddingModel;
    beforeAll(async () => {
      model = await loadEmbeddedModel('glove-6b-100d');
    });
    afterAll(async () => model?.dispose());

    it('a word-level file of WEAT 9\'s words gives the reference d and exact p of WEAT 9', async () => {
      const reference = JSON.parse(readFileSync(join(root, 'tests/fixtures/reference/glove-caliskan-weat.json'), 'utf8')) as {
        tests: { probeId: string; effectSizeSample: number; exactP: { p: number } | null }[];
      };
      const ref9 = reference.tests.find((t) => t.probeId === 'caliskan-weat-9')!;
      const probe = importSeatTestFile(asSentBiasFile(getBuiltinProbe('caliskan-weat-9') as AssociationProbe), { id: 'weat9-file', name: 'weat9.jsonl' });
      const [result] = (await runProbes([probe], { embedder: model, options: { ...DEFAULT_ASSOCIATION_OPTIONS, seed: 1, bootstrap: 0 } })) as AssociationResult[];
      expect(result!.kind).toBe('seat');
      expect(result!.effectSize).toBeCloseTo(ref9.effectSizeSample, 9);
      expect(result!.pMethod).toBe('exact');
      expect(result!.pValue).toBe(ref9.exactP!.p);
    });
  });
});
