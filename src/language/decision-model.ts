import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [-1.074, 0.481, -0.786, 0.464, 0.407, -0.064, -1.15, -0.66, -1.214, 0.78, -0.609, 1.109, -0.778],
  outside: [0.604, -0.563, 0.199, -0.585, -0.421, 0.013, 1.285, 0.81, 1.488, -0.624, 0.942, -0.848, 0.897],
  answerAt: 0.67,
  outsideAt: 0.45,
};
