import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [
    -0.485, 0.442, -0.886, 0.325, 0.343, -0.007, -1.096, -0.581, -1.151, 0.784, -0.794, 1.115, -0.704, -0.978,
  ],
  outside: [
    -0.158, -0.508, 0.302, -0.397, -0.344, -0.196, 1.25, 0.82, 1.454, -0.634, 1.178, -0.821, 0.857, 0.215,
  ],
  answerAt: 0.73,
  outsideAt: 0.45,
};
