import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [-2.298, 0.813, -1.045, 0.245, 0.327, -0.066, -0.568, -0.517, -1.338],
  outside: [1.86, -0.747, 0.276, -0.454, -0.372, -0.118, 0.473, 0.627, 1.683],
  answerAt: 0.85,
  outsideAt: 0.45,
};
