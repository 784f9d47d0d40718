import type { ParDeps } from './par.context.js';
import { createRoundService } from './rounds.service.js';
import { createSetService } from './sets.service.js';
import { createSheetService } from './sheet.service.js';
import { createSurveyService } from './survey.service.js';

/**
 * PAR index (issue 16): criteria sets issued by decision, the yearly round (self-assessment with
 * evidence, two appraisal rounds around an explanation, the council's vote), the survey and the
 * published ranking per block. The parts share the rules in rules/ and the reads in par.reads.ts.
 */
export function createParService(deps: ParDeps & { publicUrl: string }) {
  const survey = createSurveyService(deps);
  const sets = createSetService(deps);
  const sheets = createSheetService(deps, survey);
  const rounds = createRoundService(deps, survey, sheets);
  // `feeds`: the figures computed criteria read, for the demo's appraisers where a year has none.
  return { sets, sheets, rounds, survey, feeds: deps.feeds };
}
export type ParService = ReturnType<typeof createParService>;
