import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [
    -0.127, 0.338, -0.97, 0.332, 0.402, 0.007, -1.01, -0.657, -1.138, 0.812, -0.79, 1.123, -0.704, -0.96,
  ],
  outside: [
    -0.174, -0.495, 0.266, -0.386, -0.391, -0.173, 1.261, 0.883, 1.411, -0.603, 1.162, -0.823, 0.866, 0.23,
  ],
  answerAt: 0.71,
  answerToldAt: 0.68,
  outsideAt: 0.4,
};
