import type { DecisionModel } from './confidence';

/** Written by scripts/calibrate.ts from the dev question set; do not edit by hand. */
export const DECISION_MODEL: DecisionModel = {
  right: [-2.413, 0.86, -0.936, 0.177, 0.41, -0.347, -0.63, -0.554, -1.471],
  outside: [2.145, -0.808, 0.143, -0.424, -0.443, -0.021, 0.51, 0.747, 1.828],
  answerAt: 0.75,
  outsideAt: 0.4,
};
