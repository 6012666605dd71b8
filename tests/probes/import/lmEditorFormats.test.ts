// The language-model editor's import: the formats its help names are exactly the importable formats
// (probes/import/inputFormat.ts) less those another part of the page opens, and each one it names is
// actually read when chosen there: a file of that format goes to the reader the editor picks
// (lmEditorImportKind) in the import worker's code and comes back as a probe of the expected family.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { getAnyBuiltinProbe } from '../../../src/probes/builtin';
import { holisticBiasBundleText } from '../../../src/probes/import/holisticBias';
import { detectInputFormat, INPUT_FORMAT_IDS, type InputFormat } from '../../../src/probes/import/inputFormat';
import { formatName, LM_EDITOR_FORMATS, lmEditorImportHelp, lmEditorImportKind } from '../../../src/probes/import/lmEditorFormats';
import { createImportApi } from '../../../src/worker/importApi';

const fixture = (path: string) => readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', path), 'utf8');

/** A file of each format the editor reads, and the family of the probe it holds. */
const FILES: Partial<Record<InputFormat, { name: string; text: () => string; family: string }>> = {
  'probe-json': { name: 'mine.json', text: () => JSON.stringify(getAnyBuiltinProbe('lm-counterfactual-basic')), family: 'counterfactual-pairs' },
  'crows-csv': { name: 'crows.csv', text: () => fixture('probes/crows-pairs-sample.csv'), family: 'counterfactual-pairs' },
  'stereoset-json': { name: 'dev.json', text: () => fixture('stereoset/dev-excerpt.json'), family: 'stereoset' },
  'bbq-jsonl': { name: 'Age.jsonl', text: () => fixture('bbq/bbq-excerpt.jsonl'), family: 'bbq' },
  'winobias-txt': { name: 'pro_stereotyped_type2.txt.dev', text: () => fixture('winobias/pro_stereotyped_type2.txt.dev'), family: 'coref-likelihood' },
  'winogender-tsv': { name: 'all_sentences.tsv', text: () => fixture('winogender/all_sentences_excerpt.tsv'), family: 'coref-likelihood' },
  'holistic-bias-json': {
    name: 'holistic-bias.json',
    text: () => holisticBiasBundleText(['descriptors', 'nouns', 'sentence_templates', 'standalone_noun_phrases'].map((f) => ({ name: `${f}.json`, text: fixture(`holistic-bias/dataset/${f}.json`) }))),
    family: 'holistic-bias',
  },
  'discrim-eval-jsonl': { name: 'explicit.jsonl', text: () => fixture('discrim-eval/explicit-excerpt.jsonl'), family: 'discrim-eval' },
};

describe("the language-model editor's import", () => {
  it('names every importable format except the word-set files and run records', () => {
    expect(INPUT_FORMAT_IDS.filter((f) => !LM_EDITOR_FORMATS.includes(f))).toEqual(['wefe-json', 'word-lists', 'seat-jsonl', 'run-record']);
    expect(formatName('bbq-jsonl')).toBe('BBQ JSONL');
    const help = lmEditorImportHelp();
    for (const f of LM_EDITOR_FORMATS) expect(help).toContain(formatName(f));
    expect(help).toMatch(/Opened elsewhere — WEFE word-set JSON, a word-list CSV with a set column and a SEAT test file of sent-bias: the WEAT\/SEAT editor; a run record the app or the CLI exported: History\.$/);
  });

  it.each(LM_EDITOR_FORMATS.map((f) => [f]))('reads a %s file chosen there', async (format) => {
    const file = FILES[format];
    expect(file, `a test file of ${format}`).toBeDefined();
    const text = file!.text();
    expect(detectInputFormat(text, file!.name)).toEqual({ ok: true, format });
    const r = await createImportApi().importInput(lmEditorImportKind(file!.name), { name: file!.name, file: new Blob([text]) }, Comlink.proxy(() => undefined));
    expect(r.probe.family).toBe(file!.family);
  });
});
