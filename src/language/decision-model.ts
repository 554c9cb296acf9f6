import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [
    -0.464, 0.441, -0.919, 0.325, 0.355, 0.001, -1.137, -0.572, -1.147, 0.795, -0.775, 1.138, -0.694, -0.97,
  ],
  outside: [
    -0.123, -0.502, 0.246, -0.385, -0.335, -0.249, 1.246, 0.819, 1.447, -0.645, 1.179, -0.855, 0.863, 0.219,
  ],
  answerAt: 0.72,
  outsideAt: 0.45,
};
