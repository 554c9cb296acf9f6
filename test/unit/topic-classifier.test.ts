import { describe, expect, it } from 'vitest';
import { trainTopicClassifier } from '../../src/language/topic-classifier';

// Two neighbouring topics that share their main words: only «liên thông» and «bảo hiểm» tell them apart.
const samples = [
  { topic: 'khai-sinh', terms: ['khai_sinh', 'khai', 'sinh'] },
  { topic: 'khai-sinh', terms: ['lam', 'khai_sinh', 'cho', 'con'] },
  { topic: 'khai-sinh', terms: ['khai_sinh', 'can', 'giay', 'gi'] },
  { topic: 'lien-thong', terms: ['lien_thong', 'khai_sinh', 'bao_hiem'] },
  { topic: 'lien-thong', terms: ['khai_sinh', 'va', 'the', 'bao_hiem', 'cung', 'luc'] },
  { topic: 'lien-thong', terms: ['lien_thong', 'khai_sinh', 'thuong_tru'] },
  { topic: '~tro-chuyen', terms: ['ke', 'chuyen', 'cuoi'] },
];

describe('the topic classifier (trained on the knowledge base samples)', () => {
  const classifier = trainTopicClassifier(samples);

  it('learns the word that tells two neighbouring topics apart', () => {
    const plain = classifier.probabilities(['khai_sinh', 'cho', 'con']);
    const joined = classifier.probabilities(['khai_sinh', 'lien_thong']);
    expect(plain.get('khai-sinh')!).toBeGreaterThan(plain.get('lien-thong')!);
    expect(joined.get('lien-thong')!).toBeGreaterThan(joined.get('khai-sinh')!);
  });

  it('gives probabilities over every class that add up to one, even for words it never saw', () => {
    for (const terms of [['bong_da', 'may', 'gio'], [], ['khai_sinh']]) {
      const p = classifier.probabilities(terms);
      expect([...p.keys()].sort()).toEqual(['khai-sinh', 'lien-thong', '~tro-chuyen']);
      expect([...p.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      for (const v of p.values()) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('gives the same model for the same content (no random start)', () => {
    const again = trainTopicClassifier(samples).probabilities(['khai_sinh', 'bao_hiem']);
    const first = classifier.probabilities(['khai_sinh', 'bao_hiem']);
    for (const [topic, p] of first) expect(again.get(topic)).toBe(p);
  });
});
