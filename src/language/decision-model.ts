import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [-1.537, 0.854, -1.221, 0.323, 0.361, -0.181, -1.483, -0.448, -1.576, 0.531, -1.084],
  outside: [0.869, -0.805, 0.508, -0.568, -0.362, 0.006, 1.531, 0.56, 1.911, -0.454, 1.28],
  answerAt: 0.65,
  outsideAt: 0.35,
};
