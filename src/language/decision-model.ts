import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [
    -0.468, 0.439, -0.911, 0.33, 0.363, -0.011, -1.127, -0.58, -1.144, 0.781, -0.773, 1.128, -0.693, -0.972,
  ],
  outside: [
    -0.161, -0.507, 0.292, -0.397, -0.345, -0.19, 1.249, 0.819, 1.455, -0.628, 1.182, -0.822, 0.859, 0.216,
  ],
  answerAt: 0.72,
  outsideAt: 0.45,
};
