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
  const chance = (terms: string[], topic: string): number =>
    classifier.probabilities(terms)[classifier.indexOf(topic)]!;

  it('learns the word that tells two neighbouring topics apart', () => {
    const plain = ['khai_sinh', 'cho', 'con'];
    const joined = ['khai_sinh', 'lien_thong'];
    expect(chance(plain, 'khai-sinh')).toBeGreaterThan(chance(plain, 'lien-thong'));
    expect(chance(joined, 'lien-thong')).toBeGreaterThan(chance(joined, 'khai-sinh'));
  });

  it('gives probabilities over every class that add up to one, even for words it never saw', () => {
    expect([...classifier.classes].sort()).toEqual(['khai-sinh', 'lien-thong', '~tro-chuyen']);
    expect(classifier.indexOf('no-such-topic')).toBe(-1);
    for (const terms of [['bong_da', 'may', 'gio'], [], ['khai_sinh']]) {
      const p = [...classifier.probabilities(terms)];
      expect(p).toHaveLength(3);
      expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      for (const v of p) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('does not depend on the order of the samples, so that adding one does not reshuffle the rest', () => {
    const reversed = trainTopicClassifier([...samples].reverse());
    for (const terms of [
      ['khai_sinh', 'bao_hiem'],
      ['khai_sinh', 'cho', 'con'],
      ['ke', 'chuyen'],
    ]) {
      for (const topic of classifier.classes) {
        const p = reversed.probabilities(terms)[reversed.indexOf(topic)]!;
        expect(p, `${topic} ${terms.join(' ')}`).toBeCloseTo(chance(terms, topic), 12);
      }
    }
  });

  it('gives the same model for the same content (no random start)', () => {
    const again = trainTopicClassifier(samples).probabilities(['khai_sinh', 'bao_hiem']);
    expect([...again]).toEqual([...classifier.probabilities(['khai_sinh', 'bao_hiem'])]);
  });
});
