// The whole analysis of a trials file: trials grouped by participant (in the order each first
// appears), each scored, and the class summary after them — the one entry point the CLI and, later,
// the class view call, so both print the same numbers for the same trials.
import { summarizeClass, type IatClassSummary } from './classSummary';
import { scoreParticipant, type IatParticipantScore } from './participantScore';
import type { IatTrial } from './trial';

export interface IatScores {
  participants: IatParticipantScore[];
  summary: IatClassSummary;
}

/** @throws {InvalidTrialsError} as scoreParticipant */
export function scoreIatTrials(trials: readonly IatTrial[]): IatScores {
  const byParticipant = new Map<string, IatTrial[]>();
  for (const t of trials) {
    const list = byParticipant.get(t.participant);
    if (list) list.push(t);
    else byParticipant.set(t.participant, [t]);
  }
  const participants = [...byParticipant].map(([id, own]) => scoreParticipant(id, own));
  return { participants, summary: summarizeClass(participants) };
}
