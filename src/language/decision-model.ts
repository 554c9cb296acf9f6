import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [-2.368, 0.873, -1.052, 0.158, 0.283, -0.019, -0.607, -0.495, -1.528],
  outside: [2.15, -0.847, 0.313, -0.358, -0.33, -0.078, 0.473, 0.732, 1.845],
  answerAt: 0.76,
  outsideAt: 0.4,
};
