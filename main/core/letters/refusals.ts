import { AppError, say } from '../errors';

/** Why a letter the user asked about cannot be changed, sent or brought back; each says which vacancy. */
export const refusals = {
  discarded: (vacancy: string) =>
    AppError.of('conflict', say('letters.discarded', { vacancy }), { details: { reason: 'discarded' }, next: { kind: 'fix_input' } }),
  notOpen: (vacancy: string) => AppError.of('conflict', say('letters.notOpen', { vacancy }), { details: { reason: 'not_open' } }),
  newerLetter: (vacancy: string) =>
    AppError.of('conflict', say('letters.newerLetter', { vacancy }), { details: { reason: 'newer_letter' } }),
  nothingToRevert: (vacancy: string) =>
    AppError.of('conflict', say('letters.nothingToRevert', { vacancy }), { details: { reason: 'nothing_to_revert' } }),
  rewriteNeedsAi: (instruction: string) =>
    AppError.of('ai_not_configured', say('letters.rewriteNeedsAi', { instruction: instruction.slice(0, 80) }), {
      next: { kind: 'open_settings', section: 'ai' },
    }),
};
