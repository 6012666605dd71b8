// The headless CLI: `bias-workbench run | models | probes | score`. It uses the same core, probes
// and runtime as the browser, so a number printed here is the number the app shows for the same
// seed. Errors go to stderr with a non-zero exit code (2: usage, 1: the run failed).
import { parseArgs } from 'node:util';
import { UsageError } from './cliError';
import { runCommand } from './commands/run';
import { modelsCommand } from './commands/models';
import { probesCommand } from './commands/probes';
import { scoreCommand } from './commands/score';
import { iatScoreCommand } from './commands/iatScore';

const HELP = `bias-workbench — bias probes on word vectors and language models

Usage:
  bias-workbench run <probe-id | suite-id | file> --model <id> [--seed N] [--permutations N]
                     [--bootstrap N] [--sd sample|population] [--format json|csv] [--items] [--out FILE]
                     LM probes also: [--batch-size N] [--device DEVICE] [--dtype fp32|q8|…]
                     a file: [--input-format FORMAT] [--limit N] [--sets X,Y,A,B]
  bias-workbench score --model <id | folder> --text "…" [--prefix "…"] [--format json|text]
                       [--device DEVICE] [--dtype auto|fp32|fp16|q8|q4|q4f16]
  bias-workbench models [--format json|text]
  bias-workbench probes [--format json|text]
  bias-workbench iat-score <trials.csv> [--format json|csv] [--out FILE]

--device (LM probes and score), the engine that computes the numbers:
  auto   onnxruntime-node (the default)
  node   onnxruntime-node, the native CPU build
  wasm   ONNX Runtime Web's WASM build, the browser's engine (embedded models and folders)
  cpu    the old word for node, still accepted

A file is read as the page reads it, its format found from its content (or named by --input-format):
  probe-json   probe JSON as the app exports it
  crows-csv    CrowS-Pairs CSV (--limit N: its first N good pairs)
  wefe-json    WEFE word-set JSON (--sets X,Y,A,B names four of its lists)
  word-lists   CSV of words with a set column (X, Y, A, B)
  seat-jsonl   sent-bias SEAT test file {targ1, targ2, attr1, attr2}
  run-record   a run record the app or the CLI exported (its probes run again)
  stereoset-json  StereoSet dev.json, intrasentence items (--limit N: its first N good items)
  bbq-jsonl    BBQ JSONL, one question a line (--limit N: its first N good questions)
  winobias-txt    WinoBias sentence file ([referent] and [pronoun] bracketed; --limit N)
  winogender-tsv  Winogender all_sentences.tsv (sentid, sentence; --limit N)
  holistic-bias-json  HolisticBias: its dataset folder (descriptors.json, nouns.json, sentence_templates.json,
               standalone_noun_phrases.json) or one JSON object of them, with an optional "sample"
               {perCell, templates, seed} and "axes"
  discrim-eval-jsonl  discrim-eval explicit.jsonl / implicit.jsonl (--limit N: its first N good rows)

Examples:
  bias-workbench run caliskan-weat --model glove-6b-100d --seed 1 --format json
  bias-workbench run caliskan-weat-1 --model glove-6b-100d --format csv --items --out items.csv
  bias-workbench run lm-counterfactual-basic --model workbench/tiny-gpt2 --seed 1
  bias-workbench run lm-mcq-position-40 --model workbench/tiny-gpt2 --dtype q8 --format csv
  bias-workbench run lm-counterfactual-masked --model workbench/tiny-bert
  bias-workbench run crows_pairs_anonymized.csv --model workbench/tiny-gpt2 --limit 100
  bias-workbench score --model workbench/tiny-gpt2 --prefix "The nurse said that" --text " she"`;

const options = {
  model: { type: 'string' },
  seed: { type: 'string' },
  permutations: { type: 'string' },
  bootstrap: { type: 'string' },
  sd: { type: 'string' },
  format: { type: 'string' },
  items: { type: 'boolean' },
  out: { type: 'string' },
  text: { type: 'string' },
  prefix: { type: 'string' },
  'models-dir': { type: 'string' },
  'batch-size': { type: 'string' },
  device: { type: 'string' },
  dtype: { type: 'string' },
  'input-format': { type: 'string' },
  limit: { type: 'string' },
  sets: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type CliValues = ReturnType<typeof parse>['values'];

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    const { values, positionals } = parse(argv);
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      console.log(HELP);
      return command || values.help ? 0 : 2;
    }
    switch (command) {
      case 'run':
        await runCommand(rest, values);
        return 0;
      case 'score':
        await scoreCommand(rest, values);
        return 0;
      case 'models':
        await modelsCommand(values);
        return 0;
      case 'probes':
        probesCommand(values);
        return 0;
      case 'iat-score':
        iatScoreCommand(rest, values);
        return 0;
      default:
        throw new UsageError(`unknown command '${command}'. Commands: run, score, models, probes, iat-score.`);
    }
  } catch (e) {
    const err = e as Error;
    console.error(`bias-workbench: ${err.name === 'Error' ? '' : `${err.name}: `}${err.message}`);
    if (err instanceof UsageError) console.error('Run `bias-workbench --help` for usage.');
    return err instanceof UsageError ? 2 : 1;
  }
}
