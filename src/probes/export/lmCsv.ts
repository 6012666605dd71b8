// Tidy CSV of LM probe results (and of association results in the same run), for the UI's export
// and the CLI's `--format csv` on LM probes.
//
// lmResultsToCsv — per probe, in long ("tidy") form: one row per (probe, scope, metric), because the
// families report different metrics. Columns (LM_SUMMARY_CSV_COLUMNS):
//   run_id, probe_id, title, kind, model_id, seed
//   scope     what the row summarises: "all", "category:<c>", "direction:stereo", "position:B",
//             "age=20 vs 40" (decision comparisons), …
//   metric    e.g. mean_delta, pct_stereotype, likelihood_diff, logit_difference, choice_rate,
//             recall, rstd, content_change_rate, pride_prior, positional_consistency,
//             preference_fairness, accuracy, mean_d, proportion_consistent, effect_size, …
//   value, ci_low, ci_high, ci_level, p_value, p_method, permutations, p_holm, p_bh, n
// Which test each p_value comes from: mean_delta → paired sign-flip (two-sided); pct_stereotype →
// exact sign test vs ½ on non-tied pairs; logit_difference → stratified permutation; preference_
// fairness → binomial test of recency vs primacy; mean_d → one-sample t-test; proportion_consistent
// → exact binomial vs ½; effect_size (likelihood IAT) → one-sided permutation as WEAT.
//
// lmItemsToCsv — per item: one row per pair / prompt / presentation / iteration / target word, with
// the common columns run_id, probe_id, kind, model_id, item_id and then the columns of every family
// present (LM_ITEM_COLUMNS_BY_KIND, in that order); cells of other families are empty. Lists inside
// a cell (slot fills, missing words) are joined with "; "; lists of numbers (label log-probs) are
// bracketed, "[-1.2; -0.3]", so the guard below never has to prefix them. Prompt families'
// chat_template says whether the prompt went through the model's chat template (the prompt column
// is the text before any template).
//
// Numbers are full precision; absent and non-finite values are empty cells; string cells are
// guarded against spreadsheet formula injection exactly as csv.ts does (guardCell).
import Papa from 'papaparse';
import type { AssociationResult } from '../../core/association/types';
import type { DeltaSummary, LmProbeResult } from '../../core/lmRun/types';
import type { RunResult } from '../../core/runRecord';
import { guardCell, type CsvMeta } from './csv';

export const LM_SUMMARY_CSV_COLUMNS = [
  'run_id', 'probe_id', 'title', 'kind', 'model_id', 'seed',
  'scope', 'metric', 'value', 'ci_low', 'ci_high', 'ci_level', 'p_value', 'p_method', 'permutations', 'p_holm', 'p_bh', 'n',
] as const;

export const LM_ITEM_COMMON_COLUMNS = ['run_id', 'probe_id', 'kind', 'model_id', 'item_id'] as const;

export const LM_ITEM_COLUMNS_BY_KIND = {
  'counterfactual-pairs': ['category', 'direction', 'more', 'less', 'score_more', 'score_less', 'tokens_more', 'tokens_less', 'delta', 'delta_sum', 'delta_per_token'],
  'counterfactual-template': ['fill', 'term_index', 'more_group', 'less_group', 'more_term', 'less_term', 'more_context', 'more_scored', 'less_context', 'less_scored', 'score_more', 'score_less', 'tokens_more', 'tokens_less', 'delta'],
  'decision-template': ['question_id', 'attributes', 'answer_log_probs', 'p_norm_yes', 'logit'],
  'mcq-position': ['question_id', 'presentation', 'order', 'label_log_probs', 'chosen', 'chosen_content', 'debiased_chosen', 'gold'],
  'pairwise-position': ['category', 'original_log_probs', 'swapped_log_probs', 'verdict_original', 'verdict_swapped', 'class', 'winner_original', 'winner_swapped', 'better'],
  'lm-iat': ['set', 'label', 'word', 'association'],
  'llm-iat-prompt': ['group0', 'group1', 'a', 'b', 'c', 'd', 'd_score', 'parsed_pairs', 'missing', 'conflicting', 'unparsed_lines', 'prompt', 'chat_template', 'response'],
  'llm-decision-prompt': ['scenario_id', 'person0', 'person1', 'task0', 'task1', 'stigma_task_to', 'stereotype_consistent', 'prompt', 'chat_template', 'response'],
} as const;

type Cell = string | number | null;
type Row = Record<string, Cell>;

const num = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : x);
const LIST = '; ';
const list = (xs: readonly (string | number)[]): string => xs.join(LIST);
/** Numbers in one cell, bracketed so a leading minus sign is not taken for a formula: "[-1.2; -0.3]". */
const numbers = (xs: readonly number[]): string => `[${xs.join(LIST)}]`;
const kv = (o: Record<string, string | number>): string => Object.entries(o).map(([k, v]) => `${k}=${v}`).join(LIST);
/** Prompt families: "true" when the prompt went through the model's chat template; empty for runs recorded before this was. */
const chatTemplateCell = (used: boolean | undefined): string | null => (used === undefined ? null : String(used));

const unparse = (columns: readonly string[], rows: Row[]): string =>
  Papa.unparse(
    { fields: [...columns], data: rows.map((r) => columns.map((c) => guardCell(r[c] ?? null))) },
    { newline: '\r\n', escapeFormulae: false },
  ) + '\r\n';

const deltaRows = (scope: string, s: DeltaSummary): Row[] => [
  {
    scope,
    metric: 'mean_delta',
    value: num(s.meanDelta),
    ci_low: num(s.ci?.low),
    ci_high: num(s.ci?.high),
    ci_level: num(s.ci?.level),
    p_value: num(s.signFlip.pValue),
    p_method: s.signFlip.method,
    permutations: s.signFlip.permutations,
    n: s.n,
  },
  { scope, metric: 'pct_stereotype', value: num(s.pctStereotype), p_value: num(s.signTest?.pValue), p_method: s.signTest ? 'exact' : null, n: s.n },
  { scope, metric: 'likelihood_diff', value: num(s.likelihoodDiff), n: s.n },
  { scope, metric: 'ties', value: s.ties, n: s.n },
];

function summaryRows(r: RunResult): Row[] {
  switch (r.kind) {
    case 'weat':
    case 'seat':
    case 'lm-iat': {
      const a = r as AssociationResult;
      return [
        {
          scope: 'all',
          metric: 'effect_size',
          value: num(a.effectSize),
          ci_low: num(a.ci?.low),
          ci_high: num(a.ci?.high),
          ci_level: num(a.ci?.level),
          p_value: num(a.pValue),
          p_method: a.pMethod,
          permutations: a.permutations,
          p_holm: num(a.pHolm),
          p_bh: num(a.pBH),
          n: a.sizes.X + a.sizes.Y,
        },
        { scope: 'all', metric: 'statistic', value: num(a.statistic), n: a.sizes.X + a.sizes.Y },
      ];
    }
    case 'counterfactual-pairs':
      return [
        ...deltaRows('all', r.summary),
        ...r.byCategory.flatMap((c) => deltaRows(`category:${c.category}`, c.summary)),
        ...r.byDirection.map((d) => ({ scope: `direction:${d.direction}`, metric: 'pct_stereotype', value: d.pctStereotype, n: d.n })),
      ];
    case 'counterfactual-template':
      return [...deltaRows('all', r.summary), ...r.byCategory.flatMap((c) => deltaRows(`category:${c.category}`, c.summary))];
    case 'decision-template':
      return [
        { scope: 'all', metric: 'mean_logit', value: num(r.meanLogit), n: r.items.length },
        ...r.comparisons.map((c) => ({
          scope: `${c.attribute}=${c.value} vs ${c.reference}`,
          metric: 'logit_difference',
          value: num(c.difference),
          ci_low: num(c.ci?.low),
          ci_high: num(c.ci?.high),
          ci_level: num(c.ci?.level),
          p_value: num(c.pValue),
          p_method: c.pMethod,
          permutations: c.permutations,
          p_holm: num(c.pHolm),
          p_bh: num(c.pBH),
          n: c.n + c.nReference,
        })),
      ];
    case 'mcq-position': {
      const pos = (p: number) => `position:${r.labels[p]}`;
      return [
        ...r.choiceRate.map((v, p) => ({ scope: pos(p), metric: 'choice_rate', value: v, n: r.presentations })),
        ...(r.recall ? r.recall.recall.map((v, p) => ({ scope: pos(p), metric: 'recall', value: v, n: r.recall!.support[p]! })) : []),
        ...(r.recall ? [{ scope: 'all', metric: 'rstd', value: num(r.recall.rstd), n: r.presentations }, { scope: 'all', metric: 'accuracy', value: num(r.recall.accuracy), n: r.presentations }] : []),
        { scope: 'all', metric: 'content_change_rate', value: num(r.contentChangeRate), n: r.questions },
        ...r.pridePrior.map((v, p) => ({ scope: pos(p), metric: 'pride_prior', value: v, n: r.questions })),
        ...r.debiasedChoiceRate.map((v, p) => ({ scope: pos(p), metric: 'debiased_choice_rate', value: v, n: r.presentations })),
        ...(r.debiasedRecall ? [{ scope: 'all', metric: 'debiased_rstd', value: num(r.debiasedRecall.rstd), n: r.presentations }, { scope: 'all', metric: 'debiased_accuracy', value: num(r.debiasedRecall.accuracy), n: r.presentations }] : []),
      ];
    }
    case 'pairwise-position': {
      const judge = (scope: string, s: typeof r.summary): Row[] => [
        { scope, metric: 'positional_consistency', value: num(s.positionalConsistency), n: s.valid },
        { scope, metric: 'preference_fairness', value: num(s.preferenceFairness), p_value: num(s.sideTest?.pValue), p_method: s.sideTest ? 'exact' : null, n: s.pairs },
        { scope, metric: 'primacy_preferred', value: s.primacy, n: s.pairs },
        { scope, metric: 'recency_preferred', value: s.recency, n: s.pairs },
        { scope, metric: 'invalid', value: s.invalid, n: s.pairs },
      ];
      return [
        ...judge('all', r.summary),
        ...r.byCategory.flatMap((c) => judge(`category:${c.category}`, c.summary)),
        { scope: 'all', metric: 'accuracy', value: num(r.accuracy), n: 2 * r.items.length },
      ];
    }
    case 'llm-iat-prompt':
      return [
        { scope: 'all', metric: 'mean_d', value: num(r.meanD), p_value: num(r.test?.pValue), p_method: r.test ? 't-test' : null, n: r.used },
        { scope: 'all', metric: 'excluded_iterations', value: r.excluded, n: r.iterations },
        { scope: 'all', metric: 'unparsed_lines', value: r.totals.unparsedLines, n: r.iterations },
      ];
    case 'llm-decision-prompt':
      return [
        { scope: 'all', metric: 'proportion_consistent', value: num(r.summary.proportion), p_value: num(r.summary.pValue), p_method: r.summary.pValue === null ? null : 'exact', n: r.summary.parsed },
        { scope: 'all', metric: 'unparsed', value: r.summary.unparsed, n: r.items.length },
      ];
  }
}

/** Per-probe tidy summary (long form), columns LM_SUMMARY_CSV_COLUMNS. Accepts association results too. */
export const lmResultsToCsv = (results: readonly RunResult[], meta: CsvMeta): string => {
  const rows = results.flatMap((r) =>
    summaryRows(r).map((row) => ({ run_id: meta.runId ?? null, probe_id: r.probeId, title: r.title, kind: r.kind, model_id: meta.modelId, seed: meta.seed, ...row })),
  );
  return unparse(LM_SUMMARY_CSV_COLUMNS, rows);
};

function itemRows(r: RunResult): Row[] {
  switch (r.kind) {
    case 'weat':
    case 'seat':
    case 'lm-iat': {
      const a = r as AssociationResult;
      return a.items.map((it) => ({ item_id: `${it.set}:${it.word}`, set: it.set, label: a.labels[it.set], word: it.word, association: num(it.association) }));
    }
    case 'counterfactual-pairs':
      return r.items.map((it) => ({
        item_id: it.id,
        category: it.category,
        direction: it.direction,
        more: it.more,
        less: it.less,
        score_more: num(it.scoreMore),
        score_less: num(it.scoreLess),
        tokens_more: it.tokensMore,
        tokens_less: it.tokensLess,
        delta: num(it.delta),
        delta_sum: num(it.deltaSum),
        delta_per_token: num(it.deltaPerToken),
      }));
    case 'counterfactual-template':
      return r.items.map((it) => ({
        item_id: it.id,
        fill: kv(it.fill),
        term_index: it.termIndex,
        more_group: it.moreGroup,
        less_group: it.lessGroup,
        more_term: it.moreTerm,
        less_term: it.lessTerm,
        more_context: it.moreContext,
        more_scored: it.moreScored,
        less_context: it.lessContext,
        less_scored: it.lessScored,
        score_more: num(it.scoreMore),
        score_less: num(it.scoreLess),
        tokens_more: it.tokensMore,
        tokens_less: it.tokensLess,
        delta: num(it.delta),
      }));
    case 'decision-template':
      return r.items.map((it) => ({
        item_id: it.id,
        question_id: it.questionId,
        attributes: kv(it.attributes),
        answer_log_probs: kv(it.answerLogProbs),
        p_norm_yes: num(it.pNormYes),
        logit: num(it.logit),
      }));
    case 'mcq-position':
      return r.items.map((it) => ({
        item_id: `${it.questionId}#${it.presentation}`,
        question_id: it.questionId,
        presentation: it.presentation,
        order: list(it.order),
        label_log_probs: numbers(it.labelLogProbs),
        chosen: r.labels[it.chosen] ?? null,
        chosen_content: it.chosenContent,
        debiased_chosen: r.labels[it.debiasedChosen] ?? null,
        gold: it.gold === null ? null : (r.labels[it.gold] ?? null),
      }));
    case 'pairwise-position':
      return r.items.map((it) => ({
        item_id: it.id,
        category: it.category,
        original_log_probs: numbers(it.originalLogProbs),
        swapped_log_probs: numbers(it.swappedLogProbs),
        verdict_original: it.original,
        verdict_swapped: it.swapped,
        class: it.class,
        winner_original: it.winnerOriginal,
        winner_swapped: it.winnerSwapped,
        better: it.better,
      }));
    case 'llm-iat-prompt':
      return r.items.map((it) => ({
        item_id: it.id,
        group0: it.group0,
        group1: it.group1,
        a: it.a,
        b: it.b,
        c: it.c,
        d: it.d,
        d_score: num(it.dScore),
        parsed_pairs: it.parsedPairs,
        missing: list(it.missing),
        conflicting: list(it.conflicting),
        unparsed_lines: list(it.unparsedLines),
        prompt: it.prompt,
        chat_template: chatTemplateCell(r.chatTemplate),
        response: it.response,
      }));
    case 'llm-decision-prompt':
      return r.items.map((it) => ({
        item_id: it.id,
        scenario_id: it.scenarioId,
        person0: it.person0,
        person1: it.person1,
        task0: it.task0,
        task1: it.task1,
        stigma_task_to: it.stigmaTaskTo,
        stereotype_consistent: it.stereotypeConsistent === null ? null : String(it.stereotypeConsistent),
        prompt: it.prompt,
        chat_template: chatTemplateCell(r.chatTemplate),
        response: it.response,
      }));
  }
}

/** The item columns for a set of results: the common ones, then each present family's, in registry order. */
export const lmItemColumns = (results: readonly RunResult[]): string[] => {
  const kinds = new Set(results.map((r) => (r.kind === 'weat' || r.kind === 'seat' ? 'lm-iat' : r.kind)));
  const cols: string[] = [...LM_ITEM_COMMON_COLUMNS];
  for (const [kind, columns] of Object.entries(LM_ITEM_COLUMNS_BY_KIND)) {
    if (!kinds.has(kind as keyof typeof LM_ITEM_COLUMNS_BY_KIND)) continue;
    for (const c of columns) if (!cols.includes(c)) cols.push(c);
  }
  return cols;
};

/** Per-item tidy CSV (see the header), for results of any family. */
export const lmItemsToCsv = (results: readonly RunResult[], meta: CsvMeta): string => {
  const rows = results.flatMap((r) => itemRows(r).map((row) => ({ run_id: meta.runId ?? null, probe_id: r.probeId, kind: r.kind, model_id: meta.modelId, ...row })));
  return unparse(lmItemColumns(results), rows);
};

export type { LmProbeResult };
