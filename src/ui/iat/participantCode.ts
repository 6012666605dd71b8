// The short code a participant reads out or pastes to their instructor (the class view decodes it).
// Placeholder hook: the encoder (src/core/iat/participantCode.ts, encodeParticipantCode) is being
// written beside the class view; until it is merged this returns null and the result screen shows
// no code.
import type { ParticipantIatResult } from '../../probes/families/human-iat/participantResult';

export function participantCodeOf(result: ParticipantIatResult): string | null {
  void result;
  return null;
}
