// What a probe family is: everything particular to one kind of bias test, in one module, looked up
// by its id (the probe's `family`, which is also its result's `kind`). The CLI, the scoring worker,
// the run-record validator, the CSV exporter, history, compare and class mode iterate the registry
// (./index.ts) and call these members; none of them switches on a family name. Screens live in
// src/ui/families under the same ids (probes/ holds no React).
//
// A family module is plain data plus pure functions: it runs in the scoring worker, in Node (CLI)
// and in tests alike. Statistics stay in src/core; a family's `run` calls core, its `summarize`
// only chooses and words numbers core computed, and its significance verdict comes from
// core/significance.ts (one rule for every family).
import type { z } from 'zod';
import type { Embedder } from '../../core/embeddings/embedder';
import type { LanguageModelScorer } from '../../core/lmRun/scorer';
import type { AssociationOptions } from '../../core/association/types';
import type { LmRunOptions } from '../../core/lmRun/types';
import type { Significance } from '../../core/significance';
import type { IntervalSides } from '../../core/intervals';
import type { ProbeIssue } from '../validate';

/**
 * Which kind of model a family runs on: a word-vector table, a language model, or none (the class
 * lab's families build and train their own small networks from the probe's settings, so nothing is
 * loaded and the run record says that no model ran).
 */
export type Modality = 'vectors' | 'lm' | 'none';

/**
 * What a probe asks of the model (a family may depend on the probe: counterfactual pairs scored by
 * masked PLL). 'hidden-states': a language model whose export outputs them (feature-extraction).
 */
export type ModelNeed = 'embedding' | 'causal' | 'masked' | 'generate' | 'hidden-states' | 'nothing';

/** The one number a result is summarised by, as every screen, the history and compare show it. */
export interface Headline {
  /** What the number is, e.g. "Effect size d", "Mean Δ log-prob". */
  label: string;
  value: number;
  /** The number as shown, with enough digits to be read (numberFormat.ts formatAdaptive, or a percentage). */
  shown: string;
  /**
   * The interval shown beside p: from the test itself (core/intervals.ts TestInterval), so it excludes
   * the null value exactly when p < α. Unbounded sides are ±Infinity here (headlines are never
   * stored). `sides` 'lower' is a one-sided test's [low, ∞).
   */
  ci: { low: number; high: number; level: number; sides?: IntervalSides; method?: string; nullValue?: number } | null;
  /** The second, stimulus-robust interval, named by what it resamples; absent where it adds nothing. */
  robustCi?: { low: number; high: number; level: number; resampled: string } | null;
  /** One sentence when the two intervals disagree about the null value, saying why. */
  intervalNote?: string;
  p: number | null;
  pLabel: string;
  /** "Mean Δ log-prob = -0.805, 95% CI [-3.79, 2.35], sign-flip p = 0.6209". */
  text: string;
  /** Prompt families: how many answers could be read, e.g. "12 of 40 answers parsed". */
  answers?: string;
  /** Set when no answer could be read: the sentence shown in place of the number (and is `text`). */
  noResult?: string;
}

/** A per-group summary core returned (e.g. the mean association of a target set), for cards and slides. */
export interface GroupSummary {
  label: string;
  value: number;
  n: number;
}

export interface FamilySummary {
  headline: Headline;
  /** One sentence a non-specialist can read aloud. */
  reading: string;
  /**
   * The class-mode line in three parts, each a plain sentence: which way the result points ("The
   * model associates male names with career words more than female names."), how large it is with
   * the size class and its thresholds ("Large: d ≥ 0.8 (Cohen).", null where no size scale applies)
   * and whether chance could explain it ("Chance alone would rarely give a result this strong: p <
   * 0.0001."). Filled by every family; optional only so records of families that predate it render.
   */
  plain?: { direction: string; magnitude: string | null; chance: string };
  /** The verdict under the one rule (core/significance.ts); null for a descriptive headline. */
  significance: Significance | null;
  groups?: readonly GroupSummary[];
}

export interface CsvMeta {
  runId: string;
  modelId: string;
  seed: number;
}
export type CsvCell = string | number | null;
export type CsvRow = Record<string, CsvCell>;

/** A family's columns in the tidy exports; the exporter writes the union of the families present. */
export interface FamilyCsv<R> {
  summaryColumns: readonly string[];
  summaryRows(result: R, meta: CsvMeta): CsvRow[];
  itemColumns: readonly string[];
  itemRows(result: R, meta: CsvMeta): CsvRow[];
  /**
   * The item columns that name an item, when compare must not key items by every text column (a
   * column such as `quantity` describes the number, not the item). Default: item_id, else every text column.
   */
  itemKeyColumns?: readonly string[];
}

/** Progress of one probe's run, whatever its family. */
export interface ProbeRunProgress {
  stage: string;
  done: number;
  total: number;
  /** A training run's loss curve so far, one mean training loss per finished epoch (the live loss curve; whole, so a dropped message loses no point). */
  lossCurve?: readonly { epoch: number; trainLoss: number }[];
}

export interface FamilyRunContext {
  /** Word vectors (modality 'vectors'). Neither this nor `scorer` for modality 'none'. */
  embedder?: Embedder;
  /** Language model (modality 'lm'). */
  scorer?: LanguageModelScorer;
  /** The run's options; the LM-only ones (batch size, sign-flip limit) default when absent (word-vector runs). */
  options: AssociationOptions & Partial<Pick<LmRunOptions, 'batchSize' | 'signFlipExactLimit'>>;
  signal?: AbortSignal;
  onProgress?: (p: ProbeRunProgress) => void;
}

export interface ProbeFamily<P extends { family: string; id: string; title: string } = { family: string; id: string; title: string }, R extends { kind: string; probeId: string } = { kind: string; probeId: string }> {
  id: P['family'];
  /** "Counterfactual pairs", "WEAT". */
  title: string;
  modality: Modality;
  needs(probe: P): ModelNeed;
  /**
   * It asks for free-text answers in a set format, which only instruction (chat) models give: warned
   * about before a run on a model without a chat template. A function where only some of the family's
   * probes ask (a probe that may be answered by likelihood or by a generated answer).
   */
  needsInstructionModel: boolean | ((probe: P) => boolean);
  schema: z.ZodType<P>;
  /** Judgements the schema cannot express (duplicates, unbalanced sets…). */
  lint(probe: P): ProbeIssue[];
  /** Validates a stored result of this family (loose: fields core adds later survive a save/re-open). */
  resultSchema: z.ZodType;
  /** Its results' p-values are Holm/BH-adjusted across the batch (pHolm/pBH filled by the run path). */
  adjustedAcrossBatch: boolean;
  /**
   * A batch of one is adjusted too (pHolm = pBH = p). Word-vector runs have always recorded it so and
   * their exports and stored history carry it; the LM runs leave a lone test's pHolm/pBH empty.
   */
  adjustsBatchOfOne?: boolean;
  run(probe: P, ctx: FamilyRunContext): Promise<R>;
  summarize(result: R): FamilySummary;
  /** The headline alone (lists of many results: history, compare), without the reading. */
  headline(result: R): Headline;
  csv: FamilyCsv<R>;
}
