import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [
    -0.197, 0.349, -0.966, 0.353, 0.384, 0.008, -1.011, -0.602, -1.2, 0.824, -0.798, 1.131, -0.682, -0.95,
  ],
  outside: [
    -0.091, -0.513, 0.284, -0.41, -0.356, -0.175, 1.262, 0.812, 1.448, -0.617, 1.172, -0.843, 0.856, 0.216,
  ],
  answerAt: 0.74,
  outsideAt: 0.45,
};
