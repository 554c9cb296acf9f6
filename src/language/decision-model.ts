import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [
    -0.514, 0.46, -0.95, 0.291, 0.273, 0.08, -1.089, -0.57, -1.199, 0.834, -0.691, 1.124, -0.655, -0.746,
  ],
  outside: [
    -0.225, -0.497, 0.252, -0.376, -0.285, -0.3, 1.192, 0.794, 1.549, -0.664, 1.143, -0.799, 0.838, 0.309,
  ],
  answerAt: 0.69,
  outsideAt: 0.5,
};
