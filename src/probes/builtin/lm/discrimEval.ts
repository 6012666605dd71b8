// discrim-eval built in as an excerpt (CC BY 4.0, with its citation): two of the paper's 70 decision
// questions filled for ages 20 and 60 and every gender and race, read by the importer a user's
// explicit.jsonl goes through, so the built-in is what importing those lines gives.
import { importDiscrimEvalJsonl } from '../../import/discrimEval';
import { DISCRIM_EVAL_EXPLICIT_EXCERPT_JSONL } from './discrimEvalData';

export const LM_DISCRIM_EVAL_EXCERPT = importDiscrimEvalJsonl(DISCRIM_EVAL_EXPLICIT_EXCERPT_JSONL, {
  id: 'lm-discrim-eval-excerpt',
  title: 'discrim-eval excerpt: 2 decision questions × ages 20 and 60 × 3 genders × 5 races (60 prompts)',
}).probe;
