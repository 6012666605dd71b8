// Fault suite, probe files: what the page's imports (the import worker's own code, createImportApi)
// and the CLI's reader (importAnyProbesJson, what `bias-workbench run file.json` calls) make of the
// same bytes. Both go through one reader (core/input/probeCollection.ts), so each refusal is the
// same sentence in both; a file that loads gives the same probe in both.
import { readFileSync } from 'node:fs';
import * as Comlink from 'comlink';
import { describe, expect, it } from 'vitest';
import { ProbeValidationError } from '../../src/core/errors';
import { MAX_PROBES_PER_FILE } from '../../src/core/input/probeCollection';
import { getAnyBuiltinProbe, getBuiltinProbe } from '../../src/probes/builtin';
import { importAnyProbesJson } from '../../src/probes/import/probeJson';
import { createImportApi } from '../../src/worker/importApi';

const api = createImportApi();
const noop = Comlink.proxy(() => undefined);
const weat1 = () => structuredClone(getBuiltinProbe('caliskan-weat-1'));

/** The page's import of a probe file into the WEAT/SEAT editor (the import worker's code). */
const pageImport = (text: string, name = 'probe.json') => api.importInput('association-probe', { name, file: new Blob([text]) }, noop);
/** The page's import into the LM editor. */
const pageImportLm = (text: string, name = 'probe.json') => api.importInput('lm-probe-json', { name, file: new Blob([text]) }, noop);

/** The CLI's refusal and the page's for the same bytes; both must be ProbeValidationErrors with one message. */
async function refusedAlike(text: string): Promise<string> {
  let cli: Error | null = null;
  try {
    importAnyProbesJson(text, 'probe.json');
  } catch (e) {
    cli = e as Error;
  }
  expect(cli).toBeInstanceOf(ProbeValidationError);
  const page = await pageImport(text).then(
    () => null,
    (e: Error) => e,
  );
  expect(page?.name).toBe('ProbeValidationError');
  expect(page!.message).toBe(cli!.message);
  return cli!.message;
}

describe('fault suite', () => {
  it('probe files · malformed · an empty list [] → "holds an empty list of probes", the same sentence in page and CLI', async () => {
    expect(await refusedAlike('[]')).toMatch(/^probe.json holds an empty list of probes: nothing would run\. Add at least one probe; /);
  });

  it('probe files · malformed · {"format", "probes": []} → the same empty-collection refusal', async () => {
    expect(await refusedAlike('{"format": "bias-workbench-probe@1", "probes": []}')).toMatch(/empty list of probes/);
  });

  it('probe files · malformed · two probes with one id → names the id and both positions, in page and CLI', async () => {
    const a = weat1();
    const b = { ...weat1(), title: 'Another' };
    expect(await refusedAlike(JSON.stringify({ probes: [a, getBuiltinProbe('caliskan-weat-2'), b] }))).toBe(
      'probe.json has two probes with the id “caliskan-weat-1” (probes 1 and 3): every probe in a file needs its own id. Rename one of them.',
    );
  });

  it('probe files · malformed · a run record given as a probe file → "not a probe file", not its probes run', async () => {
    const record = JSON.parse(readFileSync(new URL('../fixtures/previous-version/method-v1/glove-caliskan-weat.json', import.meta.url), 'utf8')) as { format: string; probes: unknown[] };
    expect(record.probes.length).toBe(10);
    expect(await refusedAlike(JSON.stringify(record))).toMatch(/^probe.json is “bias-workbench-run@1”, not a probe file/);
  });

  it('probe files · malformed · a JSON syntax error → the line and column, in page and CLI', async () => {
    expect(await refusedAlike('{\n  "family": "weat",\n  "id": oops\n}')).toMatch(/^probe.json is not valid JSON at line 3, column 9: /);
  });

  it('probe files · malformed · a collection opened in an editor → the CLI reads every probe, the page says it opens one at a time', async () => {
    const text = JSON.stringify({ probes: [weat1(), getBuiltinProbe('caliskan-weat-2')] });
    expect(importAnyProbesJson(text).map((p) => p.id)).toEqual(['caliskan-weat-1', 'caliskan-weat-2']);
    await expect(pageImport(text)).rejects.toThrow('The file holds 2 probes (caliskan-weat-1, caliskan-weat-2); the editor opens one probe at a time.');
    await expect(pageImportLm(JSON.stringify([getAnyBuiltinProbe('lm-counterfactual-basic'), getAnyBuiltinProbe('lm-decision-basic')]))).rejects.toThrow(/^The file holds 2 probes/);
  });

  it('probe files · malformed · an LM probe wrapped as a one-probe collection → the LM editor opens it as the CLI reads it', async () => {
    const lm = getAnyBuiltinProbe('lm-counterfactual-basic');
    const text = JSON.stringify({ format: 'bias-workbench-probe@1', probes: [lm] });
    const page = await pageImportLm(text);
    expect(page.probe).toEqual(importAnyProbesJson(text)[0]);
    expect(page.probe.id).toBe('lm-counterfactual-basic');
  });

  it('probe files · oversized · 1,001 probes in one file → the limit, before any probe is checked', async () => {
    const text = JSON.stringify(Array.from({ length: MAX_PROBES_PER_FILE + 1 }, () => ({})));
    expect(await refusedAlike(text)).toBe('probe.json holds 1,001 probes; the limit is 1,000 per file. Split it into several files.');
  });

  it('probe files · hostile · a stimulus holding a line break → refused (the one-per-line editor would make it two stimuli)', async () => {
    const p = weat1();
    p.targets.X.words[0] = 'lily\ndaisy';
    const message = await refusedAlike(JSON.stringify(p));
    expect(message).toContain('targets.X.words.0: “lily\\ndaisy” holds a line break: a stimulus is one line of text; put each stimulus on its own line');
  });

  it('probe files · hostile · terminal escapes and NUL in a stimulus → refused, and the message carries them escaped, never raw', async () => {
    const p = weat1();
    p.attributes.A.words[1] = '\u001b]0;pwned\u0007caress';
    p.attributes.B.words[2] = 'nul\u0000byte';
    const message = await refusedAlike(JSON.stringify(p));
    expect(message).toContain('“\\u001b]0;pwned\\u0007caress” holds the control character U+001B');
    expect(message).toContain('“nul\\u0000byte” holds the control character U+0000');
    expect([...message].filter((ch) => ch.charCodeAt(0) < 0x20 && ch !== '\n')).toEqual([]);
  });

  it('probe files · hostile · a citation whose url is javascript: or data: → refused at the url, the same sentence in page and CLI; https kept', async () => {
    for (const url of ['javascript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', ' JavaScript:alert(1)']) {
      const p = weat1();
      p.citation = { text: 'A paper', url };
      const message = await refusedAlike(JSON.stringify(p));
      expect(message).toContain('citation.url: must be an http(s) address');
    }
    const p = weat1();
    p.citation = { text: 'A paper', url: 'https://doi.org/10.1126/science.aal4230' };
    expect(importAnyProbesJson(JSON.stringify(p))[0]!.citation?.url).toBe('https://doi.org/10.1126/science.aal4230');
  });

  it('probe files · hostile · formula prefixes and HTML in stimuli → kept verbatim as text, the same probe in page and CLI', async () => {
    const p = weat1();
    p.targets.X.words.splice(0, 3, '=HYPERLINK("http://x")', '<img src=x onerror=alert(1)>', '+cmd|calc');
    const text = JSON.stringify(p);
    const cli = importAnyProbesJson(text)[0]!;
    const page = await pageImport(text);
    expect(page.kind).toBe('probe');
    if (page.kind !== 'probe') return;
    expect(page.probe).toEqual(cli);
    expect(page.probe.targets.X.words.slice(0, 3)).toEqual(['=HYPERLINK("http://x")', '<img src=x onerror=alert(1)>', '+cmd|calc']);
  });

  it('probe files · malformed · a BOM and CRLF line ends (a file saved on Windows) → read as the same probe', async () => {
    const text = JSON.stringify(weat1(), null, 2).replace(/\n/g, '\r\n');
    expect(importAnyProbesJson(`\uFEFF${text}`)).toEqual(importAnyProbesJson(text));
    const page = await pageImport(`\uFEFF${text}`);
    expect(page.kind === 'probe' && page.probe.id).toBe('caliskan-weat-1');
  });

  it('probe files · malformed · the probes an earlier version stored → every one still loads, alone, as a list and as a collection', () => {
    const history = JSON.parse(readFileSync(new URL('../fixtures/previous-version/history.json', import.meta.url), 'utf8')) as { runs: { probes: { id: string }[] }[] };
    const probes = history.runs.flatMap((r) => r.probes);
    expect(probes.length).toBeGreaterThanOrEqual(10);
    const ids = probes.map((p) => p.id);
    expect(importAnyProbesJson(JSON.stringify(probes)).map((p) => p.id)).toEqual(ids);
    expect(importAnyProbesJson(JSON.stringify({ format: 'bias-workbench-probe@1', probes })).map((p) => p.id)).toEqual(ids);
    for (const p of probes) expect(importAnyProbesJson(JSON.stringify(p))[0]!.id).toBe(p.id);
  });
});
