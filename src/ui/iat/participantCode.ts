// The short code a participant reads out or pastes to their instructor (the class view decodes it):
// core's encodeParticipantCode of the score, the probe id and the result's nonce. A result a code
// cannot carry (more than 127 combined trials, say) gets the reason instead, so the screen can point
// to the file exports.
import { InvalidTrialsError } from '../../core/errors';
import { encodeParticipantCode } from '../../core/iat/participantCode';
import type { ParticipantIatResult } from '../../probes/families/human-iat/participantResult';

export function participantCodeOf(result: ParticipantIatResult): { code: string } | { why: string } {
  try {
    return { code: encodeParticipantCode(result.score, result.probeId, result.nonce) };
  } catch (e) {
    if (e instanceof InvalidTrialsError) return { why: e.message };
    throw e;
  }
}
