import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [-1.925, 0.93, -0.837, 0.404, 0.173, 0.024, -0.787, -0.33, -1.392],
  outside: [2.08, -0.806, 0.079, -0.668, -0.343, -0.199, 0.444, 0.295, 1.709],
  answerAt: 0.8,
  outsideAt: 0.35,
};
