// A hand-computable language model for orchestration tests. Tokens are the white-space-separated
// words of a text (a leading space belongs to the next word, as in GPT-2's BPE), and
//   log p(token) = −0.1 · (number of characters of the token, leading space excluded)
// independently of the context. So log p("The man.") = −0.1·(3 + 4) = −0.7, and a continuation is
// scored over its own words only. Options add hand-computable context effects: `bonus(prefix,
// continuation)` is added to a continuation's total (on its first token), and PLL tokens get
// −0.01·(number of tokens in their sentence) each. Token ids = a hash of the word. Every call is
// recorded so tests can check how requests were batched, and like the runtime it reports progress
// inside a call after each "forward pass" of batchSize requests.
import type { LanguageModelScorer, ScoredContinuation, ScoredPll, ScoredTokens, ScorerCallOptions, ScorerGenerateOptions } from '../../../src/core/lmRun';

export const tokensOf = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);
export const tokenLogProb = (token: string): number => -0.1 * token.length;
export const textLogProb = (text: string): number => tokensOf(text).reduce((s, t) => s + tokenLogProb(t), 0);

const idOf = (word: string): number => {
  let h = 7;
  for (let i = 0; i < word.length; i++) h = (h * 31 + word.charCodeAt(i)) >>> 0;
  return h % 50_000;
};

export interface FakeCall {
  op: 'tokenLogProbs' | 'continuationLogProbs' | 'pseudoLogLikelihood' | 'generate';
  size: number;
}

export interface FakeScorerOptions {
  kind?: 'causal-lm' | 'masked-lm';
  /** Per-candidate overrides of log p(candidate | prompt): return a number to override, undefined for the default. */
  candidate?: (prompt: string, candidate: string) => number | undefined;
  /** Added to log p(continuation | prefix) (on its first token); must keep the total ≤ 0. */
  bonus?: (prefix: string, continuation: string) => number;
  /** Answer of generate(); default "" (nothing parsable). */
  generate?: (prompt: string, opts: ScorerGenerateOptions) => string;
  /** The model has a chat template: generate() reports using it whenever asked to (opts.chat). */
  chatTemplate?: boolean;
}

export function createFakeScorer(opts: FakeScorerOptions = {}): LanguageModelScorer & { calls: FakeCall[] } {
  const calls: FakeCall[] = [];
  const cont = (prefix: string, continuation: string): ScoredContinuation => {
    const override = opts.candidate?.(prefix, continuation);
    const perToken = tokensOf(continuation).map((t) => ({ logProb: tokenLogProb(t) }));
    const bonus = opts.bonus?.(prefix, continuation) ?? 0;
    if (perToken.length > 0) perToken[0] = { logProb: perToken[0]!.logProb + bonus };
    return { total: override ?? perToken.reduce((s, t) => s + t.logProb, 0), perToken };
  };
  /** Records the call and reports its progress pass by pass, as the runtime does. */
  const record = (op: FakeCall['op'], size: number, o?: ScorerCallOptions) => {
    calls.push({ op, size });
    const pass = Math.max(1, o?.batchSize ?? size);
    if (o?.onProgress)
      for (let done = 0; done < size; ) {
        done = Math.min(done + pass, size);
        o.onProgress({ done, total: size });
      }
  };
  const scorer: LanguageModelScorer & { calls: FakeCall[] } = {
    calls,
    info: { id: 'fake', kind: opts.kind ?? 'causal-lm' },
    async tokenLogProbs(texts, o): Promise<ScoredTokens[]> {
      record('tokenLogProbs', texts.length, o);
      return texts.map((t) => {
        const logProbs = tokensOf(t).map(tokenLogProb);
        return { logProbs, total: logProbs.reduce((s, x) => s + x, 0) };
      });
    },
    async continuationLogProbs(pairs, o) {
      record('continuationLogProbs', pairs.length, o);
      return pairs.map((p) => cont(p.prefix, p.continuation));
    },
    async pseudoLogLikelihood(texts, o): Promise<ScoredPll[]> {
      record('pseudoLogLikelihood', texts.length, o);
      return texts.map((t) => {
        const toks = tokensOf(t);
        const logProbs = toks.map((t) => tokenLogProb(t) - 0.01 * toks.length);
        return { ids: toks.map(idOf), logProbs, total: logProbs.reduce((s, x) => s + x, 0) };
      });
    },
    async generate(prompt, g) {
      calls.push({ op: 'generate', size: 1 });
      return { text: opts.generate ? opts.generate(prompt, g) : '', chatTemplate: opts.chatTemplate === true && g.chat === true };
    },
  };
  if (opts.kind === 'masked-lm') {
    delete scorer.tokenLogProbs;
    delete scorer.continuationLogProbs;
    delete scorer.generate;
  }
  return scorer;
}
