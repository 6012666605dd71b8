// The import worker's implementation as a plain object, so the same code runs in the worker
// (import.worker.ts exposes it with comlink) and in unit tests in Node. It reads a Blob as a stream
// (byte progress, one strict UTF-8 decoder, no second copy of the file), calls the pure parsers of
// src/probes/import, and throttles progress to one message per ~50 ms (the last always goes).
import { ParseError } from '../core/errors';
import { checkImportSize, type ImportKind } from '../probes/import/limits';
import { importedProbeId, probeFromFile, wordsFromPaste, wordsFromText } from '../probes/import/editorFiles';
import { LARGE_LM_DRAFT_CHARS, lmProbeFromCrowsCsv, lmProbeFromJsonFile, lmProbeText, validateLmDraft } from '../probes/import/lmImport';
import { parseRunRecordJson } from '../probes/import/runRecordJson';
import { detectInputFormat } from '../probes/import/inputFormat';
import { importStereoSetJson } from '../probes/import/stereoSet';
import { importBbqJsonl, looksLikeBbqJsonl } from '../probes/import/bbqJsonl';
import { importDiscrimEvalJsonl, looksLikeDiscrimEvalJsonl } from '../probes/import/discrimEval';
import { lmProbeFromCorefFile } from '../probes/import/corefFile';
import { importHolisticBiasJson } from '../probes/import/holisticBias';
import type { JsonEditorProbe } from '../probes/lmSchema';
import type { ImportProgress, ImportResults, ImportSource, ImportWorkerApi, LmProbeImport } from './importProtocol';

/** Milliseconds between two progress messages. */
export const PROGRESS_INTERVAL_MS = 50;

const grouped = (bytes: number) => bytes.toLocaleString('en-US');

/**
 * The file's text, decoded as UTF-8 strictly: a file in another encoding (UTF-16 from "Unicode
 * text" exports, Latin-1) would otherwise come back as words full of replacement characters and
 * NULs. A read that fails part-way (the file moved or changed on disk) names how far it got.
 * @throws {ParseError} for bytes that are not UTF-8, or a read that stopped before the end
 */
async function readText(file: Blob, name: string, report: (p: ImportProgress, final?: boolean) => void): Promise<string> {
  const total = file.size;
  const reader = file.stream().getReader();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parts: string[] = [];
  let done = 0;
  report({ stage: 'reading', done, total }, true);
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (e) {
        throw new ParseError(
          `Reading ${name} stopped after ${grouped(done)} of ${grouped(total)} bytes (${e instanceof Error ? e.message : String(e)}); nothing was imported. Choose the file again.`,
        );
      }
      if (chunk.done) break;
      parts.push(decoder.decode(chunk.value, { stream: true }));
      done += chunk.value.byteLength;
      report({ stage: 'reading', done, total });
    }
    parts.push(decoder.decode());
  } catch (e) {
    if (e instanceof ParseError) throw e;
    throw new ParseError(`${name} is not UTF-8 text (saved as UTF-16 or a legacy encoding?); save it as UTF-8 and import it again.`);
  }
  report({ stage: 'reading', done: total, total }, true);
  return parts.join('');
}

const forEditor = (probe: JsonEditorProbe, skipped: string[] = []): LmProbeImport => {
  const text = lmProbeText(probe);
  return { probe, text: text.length > LARGE_LM_DRAFT_CHARS ? null : text, chars: text.length, skipped };
};

/** @param now clock for progress throttling (injected for tests) */
export function createImportApi(now: () => number = () => performance.now()): ImportWorkerApi {
  async function importInput<K extends ImportKind>(kind: K, source: ImportSource, onProgress: (p: ImportProgress) => void): Promise<ImportResults[K]> {
    let last = -Infinity;
    const report = (p: ImportProgress, final = false) => {
      const t = now();
      if (!final && t - last < PROGRESS_INTERVAL_MS) return;
      last = t;
      onProgress(p);
    };
    const size = 'file' in source ? source.file.size : source.text.length;
    checkImportSize(kind, size, source.name);
    const text = 'file' in source ? await readText(source.file, source.name, report) : source.text;
    const parsing = (done: number, total: number) => report({ stage: 'parsing', done, total }, done === total);
    const validating = () => report({ stage: 'validating' }, true);
    const results: { [k in ImportKind]: () => ImportResults[k] } = {
      'crows-csv': () => {
        const r = lmProbeFromCrowsCsv(text, source.name, parsing);
        validating();
        return forEditor(r.probe, r.skipped);
      },
      'lm-probe-json': () => {
        // A StereoSet, BBQ, discrim-eval or combined HolisticBias file chosen through the JSON import is read
        // as what it is (the cheap looks first, so a probe JSON is not parsed twice).
        if (looksLikeBbqJsonl(text)) return results['bbq-jsonl']();
        if (looksLikeDiscrimEvalJsonl(text)) return results['discrim-eval-jsonl']();
        if (text.includes('"intrasentence"') || text.includes('"sentence_templates"')) {
          const detected = detectInputFormat(text, source.name);
          if (detected.ok && detected.format === 'stereoset-json') return results['stereoset-json']();
          if (detected.ok && detected.format === 'holistic-bias-json') return results['holistic-bias-json']();
        }
        validating();
        return forEditor(lmProbeFromJsonFile(text, source.name));
      },
      'stereoset-json': () => {
        const r = importStereoSetJson(text, { id: importedProbeId(source.name), title: `StereoSet from ${source.name}`, onProgress: parsing });
        validating();
        return forEditor(r.probe, r.errors.map((e) => e.message));
      },
      'bbq-jsonl': () => {
        // The editor sends every .jsonl file here; a discrim-eval file is read as what it is.
        if (looksLikeDiscrimEvalJsonl(text)) return results['discrim-eval-jsonl']();
        const r = importBbqJsonl(text, { id: importedProbeId(source.name), onProgress: parsing });
        validating();
        return forEditor(r.probe, r.errors.map((e) => e.message));
      },
      'holistic-bias-json': () => {
        const r = importHolisticBiasJson(text, { id: importedProbeId(source.name) });
        validating();
        return forEditor(r.probe, r.errors.map((e) => e.message));
      },
      'discrim-eval-jsonl': () => {
        const r = importDiscrimEvalJsonl(text, { id: importedProbeId(source.name), onProgress: parsing });
        validating();
        return forEditor(r.probe, r.errors.map((e) => e.message));
      },
      'association-probe': () => {
        validating();
        return probeFromFile(text, source.name);
      },
      'word-list': () => wordsFromText(text, source.name),
      'pasted-words': () => wordsFromPaste(text),
      'run-record': () => {
        validating();
        return parseRunRecordJson(text);
      },
      'coref-text': () => {
        const r = lmProbeFromCorefFile(text, source.name, parsing);
        validating();
        return forEditor(r.probe, r.skipped);
      },
    };
    return results[kind]();
  }
  return { importInput, validateLmDraft: async (text: string) => validateLmDraft(text) };
}
