/**
 * A softmax regression over search terms, trained on the knowledge base's own samples (titles, aliases,
 * sample questions) when the matcher is built. BM25 rewards any shared term; this learns which terms tell
 * one topic from its neighbours («khai sinh» alone is Đăng ký khai sinh; «liên thông» makes it the bundle).
 * No question set is used: adding a topic file is still all it takes.
 */
export interface TopicClassifier {
  /** each class's probability for these terms (sums to 1; unknown terms say nothing) */
  probabilities(terms: readonly string[]): ReadonlyMap<string, number>;
}

export interface TrainingSample {
  readonly terms: readonly string[];
  readonly topic: string;
}

// Stochastic gradient descent at a constant rate, the model being the average of the second half's passes:
// the average settles where plain SGD keeps wandering. Measured on the dev + real questions: models trained
// in two different sample orders put a different topic first for 26–33 of 841 questions with ten passes at
// a falling rate, 6–8 with this, so that adding a topic file does not reshuffle unrelated answers.
const PASSES = 24;
const RATE = 0.2;
const L2 = 0.01;

export function trainTopicClassifier(samples: readonly TrainingSample[]): TopicClassifier {
  const classes = [...new Set(samples.map((s) => s.topic))];
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const termIndex = new Map<string, number>();
  for (const s of samples) for (const t of s.terms) if (!termIndex.has(t)) termIndex.set(t, termIndex.size);
  const k = classes.length;
  const weights = new Float64Array(termIndex.size * k);
  const bias = new Float64Array(k);
  const encoded = samples.map((s) => ({
    terms: [...new Set(s.terms)].map((t) => termIndex.get(t)!),
    y: classIndex.get(s.topic)!,
  }));

  const softmax = (w: Float64Array, b: Float64Array, termIds: readonly number[]): Float64Array => {
    const z = Float64Array.from(b);
    for (const id of termIds) for (let c = 0; c < k; c++) z[c]! += w[id * k + c]!;
    let max = -Infinity;
    for (const v of z) max = Math.max(max, v);
    let sum = 0;
    for (let c = 0; c < k; c++) {
      z[c] = Math.exp(z[c]! - max);
      sum += z[c]!;
    }
    for (let c = 0; c < k; c++) z[c]! /= sum;
    return z;
  };

  const meanWeights = new Float64Array(weights.length);
  const meanBias = new Float64Array(k);
  const averaged = PASSES - Math.floor(PASSES / 2);
  // A fixed pseudo-random order: the same content gives the same model.
  let seed = 12_345;
  const order = encoded.map((_, i) => i);
  for (let pass = 0; pass < PASSES; pass++) {
    for (let i = order.length - 1; i > 0; i--) {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      const j = seed % (i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const i of order) {
      const { terms, y } = encoded[i]!;
      const p = softmax(weights, bias, terms);
      for (let c = 0; c < k; c++) {
        const g = p[c]! - (c === y ? 1 : 0);
        bias[c]! -= RATE * g;
        for (const id of terms) {
          const w = id * k + c;
          weights[w]! -= RATE * (g + L2 * weights[w]!);
        }
      }
    }
    if (pass >= PASSES - averaged) {
      for (let i = 0; i < weights.length; i++) meanWeights[i]! += weights[i]! / averaged;
      for (let c = 0; c < k; c++) meanBias[c]! += bias[c]! / averaged;
    }
  }

  return {
    probabilities(terms) {
      const ids = [...new Set(terms)].map((t) => termIndex.get(t)).filter((id) => id !== undefined);
      const p = softmax(meanWeights, meanBias, ids);
      return new Map(classes.map((c, i) => [c, p[i]!]));
    },
  };
}
