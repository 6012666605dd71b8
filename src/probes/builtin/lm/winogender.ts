// Winogender (Rudinger et al. 2018, MIT) built in whole: its 720 sentences read by the same importer
// a user's all_sentences.tsv goes through, with the occupation statistics for the correlations.
import { importWinogenderTsv } from '../../import/winogender';
import { WINOGENDER_ALL_SENTENCES_TSV } from './winogenderData';

export const LM_WINOGENDER = importWinogenderTsv(WINOGENDER_ALL_SENTENCES_TSV, {
  id: 'lm-winogender',
  title: 'Winogender schemas: pronoun resolution by likelihood (720 sentences)',
}).probe;
