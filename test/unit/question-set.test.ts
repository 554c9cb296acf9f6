import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer-engine';
import { REQUIRED_TOPIC_IDS } from '../../src/knowledge/schema';
import { hasDiacritics } from '../../src/language/normalize';
import { type LabelledQuestion, readQuestionSet, type Scores, score } from '../helpers/question-set';

/**
 * The dev question set (test/fixtures/questions.tsv) holds the matcher's accuracy floors.
 * questions-blind.tsv was written separately and never used for tuning; its figures are reported
 * in BENCHMARKS.md and must hold the same floors.
 */
const engine = createAnswerEngine('content', 'locales');

/** Each miss on one line, for a failing floor's message. */
const missesOf = (s: Scores): string[] =>
  s.misses.map(
    (m) => `${m.expected} ← ${m.got.decision} ${m.got.candidates[0]?.topic ?? '-'}: ${m.question}`,
  );

/** Lower-cased, NFC, punctuation as spaces: a question copied with other commas is still a copy. */
const normal = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The questions of `set` that are also among `texts`, compared as `normal` reads them. */
const copiesIn = (set: readonly LabelledQuestion[], texts: readonly string[]): string[] => {
  const seen = new Set(texts.map(normal));
  return set.filter((q) => seen.has(normal(q.question))).map((q) => q.question);
};
const questionsOf = (set: readonly LabelledQuestion[]): string[] => set.map((q) => q.question);
/** The sample questions of content/'s topics. */
const topicSamples = engine.kb.topics.flatMap((t) => t.questions);

/** Labels that are not topic ids, each with its question. */
const unknownLabels = (set: readonly LabelledQuestion[]): string[] => {
  const known = new Set<string>(REQUIRED_TOPIC_IDS);
  return set.flatMap((q) => q.topics.filter((t) => !known.has(t)).map((t) => `${t} in "${q.question}"`));
};

/** What a set must hold: shares of its in-scope questions (top-1, …) or of its out-of-scope ones. */
interface Floors {
  readonly top1?: number;
  readonly bareTop1?: number;
  readonly answered?: number;
  /** the most: confidently wrong answers */
  readonly wrong?: number;
  readonly offered?: number;
  /** out-of-scope questions not answered */
  readonly kept?: number;
  /** out-of-scope questions told where to go */
  readonly toldWhere?: number;
}

function expectFloors(s: Scores, f: Floors): void {
  const report = missesOf(s).join('\n');
  const atLeast = (value: number, floor: number | undefined) => {
    if (floor !== undefined) expect(value, report).toBeGreaterThanOrEqual(floor);
  };
  atLeast(s.inScopeCorrect / s.inScope, f.top1);
  atLeast(s.strippedCorrect / s.inScope, f.bareTop1);
  atLeast(s.answeredRight / s.inScope, f.answered);
  if (f.wrong !== undefined) expect(s.answeredWrong / s.inScope, report).toBeLessThanOrEqual(f.wrong);
  atLeast(s.offered / s.inScope, f.offered);
  atLeast(s.outOfScopeRejected / s.outOfScope, f.kept);
  atLeast(s.outOfScopeUnknown / s.outOfScope, f.toldWhere);
}

describe.each([
  ['dev set', 'test/fixtures/questions.tsv', 300, 40],
  ['blind set', 'test/fixtures/questions-blind.tsv', 150, 25],
])('%s', (_name, file, minQuestions, minOutOfScope) => {
  const set = readQuestionSet(file);

  it('is large and written the way residents type', () => {
    expect(set.length).toBeGreaterThanOrEqual(minQuestions);
    const bare = set.filter((q) => !hasDiacritics(q.question)).length;
    expect(bare / set.length).toBeGreaterThanOrEqual(1 / 3);
    expect(set.filter((q) => q.topics.length === 0).length).toBeGreaterThanOrEqual(minOutOfScope);
    expect(unknownLabels(set)).toEqual([]);
    // A question listed twice would count twice (the blind set once had 47 such copies).
    const seen = new Set<string>();
    expect(set.filter((q) => seen.has(q.question) || !seen.add(q.question)).map((q) => q.question)).toEqual(
      [],
    );
  });

  it('is held out: no question is a copy of a sample question in content/', () => {
    const samples = [...topicSamples, ...engine.kb.outOfScope.flatMap((o) => o.examples)];
    expect(copiesIn(set, samples)).toEqual([]);
  });

  // The targets of issue 9 «A bot that understands residents the way a patient clerk does».
  it('holds the floors: in-scope top-1 ≥ 92 %, without diacritics ≥ 91 % and within 2 points, out-of-scope rejected ≥ 85 %, answered outright ≥ 92 %, wrong ≤ 2 %, offered ≥ 98 %, where to go ≥ 85 %', () => {
    // Most questions get their answer straight away, without a question back, and few a wrong one; most
    // out-of-scope questions get one sentence saying where to go, not a list of our topics.
    const s = score(engine.matcher, set);
    expectFloors(s, {
      top1: 0.92,
      bareTop1: 0.91,
      kept: 0.85,
      answered: 0.92,
      wrong: 0.02,
      offered: 0.98,
      toldWhere: 0.85,
    });
    expect((s.inScopeCorrect - s.strippedCorrect) / s.inScope).toBeLessThanOrEqual(0.02);
  });
});

describe('real questions (test/fixtures/questions-real.tsv: asked on public Q&A pages, with sources)', () => {
  const set = readQuestionSet('test/fixtures/questions-real.tsv');

  it('are measured only, never copied into content/', () => {
    expect(copiesIn(set, topicSamples)).toEqual([]);
  });

  // Out-of-scope kept was 16 of 17 until a story's plainly asking sentence could be answered alone
  // (matcher.ts askedPlainly): that answered 5 more of both collections' questions and one letter not ours
  // (a house bought with a handwritten paper, read as a contract to certify).
  it("holds today's floors (long, story-like questions): answered outright ≥ 70 %, wrong ≤ 3 %, out-of-scope not answered ≥ 88 %", () => {
    expectFloors(score(engine.matcher, set), { answered: 0.7, wrong: 0.03, kept: 0.88 });
  });
});

describe('more real questions (test/fixtures/questions-real-2.tsv: a second collection, 2026-12-01)', () => {
  const first = readQuestionSet('test/fixtures/questions-real.tsv');
  const second = readQuestionSet('test/fixtures/questions-real-2.tsv');

  it('adds at least 72 new questions (150 in all), none a copy of the first collection or of content/', () => {
    expect(first.length + second.length).toBeGreaterThanOrEqual(150);
    expect(copiesIn(second, questionsOf(first))).toEqual([]);
    expect(copiesIn(second, topicSamples)).toEqual([]);
  });

  // Not the targets (answered ≥ 75 %, wrong ≤ 2 %): what both collections give today
  // (BENCHMARKS.md, «Accuracy»), kept from getting worse.
  it("holds today's figures on both collections together: answered ≥ 66 %, wrong ≤ 3 %, out-of-scope not answered ≥ 85 %", () => {
    expectFloors(score(engine.matcher, [...first, ...second]), { answered: 0.66, wrong: 0.03, kept: 0.85 });
  });
});

/**
 * Real questions for development, collected from other pages than the measured collections above: the
 * letters were written for the bot and read easier than real ones (80 % answered against 64 %). The first
 * (test/fixtures/questions-real-dev.tsv, 2026-12-02) helps choose the threshold for stories
 * (calibrate.ts); the second (questions-real-dev-2.tsv, eleventh session) is three times as large; the
 * third (questions-real-dev-3.tsv) was collected in the twenty-first session.
 */
const REAL_MEASURED = ['test/fixtures/questions-real.tsv', 'test/fixtures/questions-real-2.tsv'];
const sourcesOf = (path: string): string[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l.length > 0)
    .map((l) => l.split('\t')[2] ?? '');

function realDevSet(
  file: string,
  earlier: readonly string[],
  size: number,
  floors: { answered: number; wrong: number; kept: number },
) {
  const set = readQuestionSet(file);
  const others = [...REAL_MEASURED, ...earlier];
  const pct = (x: number) => Math.round(x * 100);
  it(`are ${size} questions with their pages, none from a page or of a question in the measured collections or an earlier dev set`, () => {
    expect(set.length).toBeGreaterThanOrEqual(size);
    expect(sourcesOf(file).filter((u) => !/^https?:\/\/\S+$/.test(u))).toEqual([]);
    const otherPages = new Set(others.flatMap(sourcesOf));
    expect(sourcesOf(file).filter((u) => otherPages.has(u))).toEqual([]);
    expect(
      copiesIn(
        set,
        others.flatMap((m) => questionsOf(readQuestionSet(m))),
      ),
    ).toEqual([]);
    expect(unknownLabels(set)).toEqual([]);
  });

  it(`holds today's floors: answered outright ≥ ${pct(floors.answered)} %, wrong ≤ ${pct(floors.wrong)} %, out-of-scope not answered ≥ ${pct(floors.kept)} %`, () => {
    expectFloors(score(engine.matcher, set), floors);
  });
}

describe('real dev questions (test/fixtures/questions-real-dev.tsv: asked on public Q&A pages, for development)', () => {
  realDevSet('test/fixtures/questions-real-dev.tsv', [], 70, { answered: 0.64, wrong: 0.04, kept: 0.88 });
});

describe('more real dev questions (test/fixtures/questions-real-dev-2.tsv: a second collection, for development)', () => {
  realDevSet('test/fixtures/questions-real-dev-2.tsv', ['test/fixtures/questions-real-dev.tsv'], 160, {
    answered: 0.62,
    wrong: 0.03,
    kept: 0.88,
  });
});

// A third collection (twenty-first session, helpers searching pages not used before): harder than the
// first two (55 % answered against 67–80 %); more of it is land, health insurance and allowances.
describe('a third collection of real dev questions (test/fixtures/questions-real-dev-3.tsv, for development)', () => {
  realDevSet(
    'test/fixtures/questions-real-dev-3.tsv',
    ['test/fixtures/questions-real-dev.tsv', 'test/fixtures/questions-real-dev-2.tsv'],
    100,
    { answered: 0.54, wrong: 0.03, kept: 0.9 },
  );
});

/**
 * A dev set written for the bot by writers who saw neither the knowledge base nor the other sets: its size,
 * its messages not ours, known labels, no copy of a blind question, and today's floors.
 */
function writtenDevSet(
  file: string,
  size: number,
  notOurs: number,
  floors: { top1: number; answered: number; wrong: number; offered: number; kept: number },
) {
  const set = readQuestionSet(file);
  const blind = readQuestionSet('test/fixtures/questions-blind.tsv');
  const pct = (x: number) => Math.round(x * 1000) / 10;
  it(`holds ${size} messages, ${notOurs} of them not ours, none in the blind set, with known labels`, () => {
    expect(set.length).toBeGreaterThanOrEqual(size);
    expect(set.filter((q) => q.topics.length === 0).length).toBeGreaterThanOrEqual(notOurs);
    expect(unknownLabels(set)).toEqual([]);
    expect(copiesIn(set, questionsOf(blind))).toEqual([]);
  });

  it(`holds today's floors: top-1 ≥ ${pct(floors.top1)} %, answered outright ≥ ${pct(floors.answered)} %, wrong ≤ ${pct(floors.wrong)} %, offered ≥ ${pct(floors.offered)} %, out-of-scope not answered ≥ ${pct(floors.kept)} %`, () => {
    expectFloors(score(engine.matcher, set), floors);
  });
}

/**
 * Short chat questions for development (test/fixtures/questions-chat.tsv, 2026-12-02): six writers who
 * saw neither the knowledge base nor any other set (tag writer-a…f): young workers and elderly residents
 * of the Central Highlands; the Mekong Delta and Central Vietnam (dialect, slips, English words); Jrai and
 * Bahnar villagers and people asking for a relative; workers far from home with precise questions; the
 * how-to side (online, post, payment, follow-up, contacts); northern residents (dialect, l/n and s/x
 * slips). Before the fixes each led to: a, b 91.3 % and 84.0 % answered, 3 and 11 wrong; c, d 89.3 %
 * and 89.3 %, 5 and 6 wrong; e 92.0 %, 3 wrong and 13 of 40 messages not ours answered; f 90.6 %,
 * 1 wrong. Two more writers in the eleventh session (tag writer-g, writer-h): Khmer-Vietnamese families of
 * the Mekong Delta, often a grandchild typing for a grandparent (83.8 % answered, 14 wrong of 154 at
 * first); young Hmong, Dao and Tày workers in factory towns with teen-code (81.5 %, 11 wrong of 157).
 * Three more in the twelfth session, given a topic list that left out the criminal-record topic and put
 * the funeral allowance under allowances (their labels were corrected to the knowledge base's: a funeral
 * allowance is asked with the death registration, so both topics are accepted; online fee waivers accept
 * both the digital-citizen and the online-payment topic, as writer b's did): writer-i, the Central coast
 * with its dialect (88.7 % answered, 3 wrong of 150 at first); writer-j, people asking for someone else in
 * the northern delta and midlands (90.0 %, 5 wrong of 150); writer-k, two to five sentences that tell the
 * situation first, other procedures in passing (87.5 %, 9 wrong of 136). Then, with the topic list
 * mended: writer-l, the Mekong Delta half typed by voice (94.0 %, 3 wrong of 150); writer-m, short
 * fragments as typed into a search box (91.9 %, 4 wrong of 160). Questions about the village's digital
 * team itself accept both topics that describe it (Gặp cán bộ and Không có điện thoại).
 * Five more in the thirteenth session (734 after removing copies of other sets): writer-n, young mothers
 * and grandparents in the northern mountains (85.0 % answered, 8 wrong of 120 at first); writer-o, retired
 * teachers and soldiers of the Central Highlands, formal and polite (90.8 %, 1 wrong); writer-p, workers
 * back from or leaving for Korea, Japan, Taiwan (86.7 %, 4 wrong); writer-q, messages that name two
 * procedures and ask about one (78.3 %, 14 wrong); writer-r, very short southern messages typed in a hurry
 * (85.0 %, 5 wrong). Labels mended where the brief misled (said here because it changes a dev set): the
 * brief called the Cambodian topic "or other foreign", so a birth or marriage with a Korean, Japanese or
 * Chinese parent or spouse also accepts the birth or marriage topic, whose answers say foreign-element
 * registrations are at the commune too; and deleting a dead relative from the household register accepts
 * the death registration, whose answer does it in the same application. Five more after them (741 after
 * removing copies): writer-t, residents checking a rumour (82.5 % answered, 5 wrong of 120 at first);
 * writer-u, village heads and digital-team members asking for villagers (94.2 %, 2 wrong); writer-v, carers
 * and people in hard situations, three of them in danger at home (88.2 %, 3 wrong); writer-w, one detail of
 * a procedure asked every way (95.0 %, 1 wrong); writer-s, northwest minority villagers writing Vietnamese
 * as a second language (89.0 %, 2 wrong). And five more (737): writer-x, Central Highlands farmers and
 * seasonal pickers (90.5 %, 5 wrong); writer-y, older residents speaking to a voice keyboard (89.2 %,
 * 1 wrong); writer-z, which paper or which office (88.3 %, 5 wrong); writer-aa, young app users describing
 * their screens (89.1 %, 5 wrong); writer-ab, families after a flood or landslide (97.4 %, 1 wrong). And
 * five more (735): writer-ac, Hoa and Chăm families of the south (82.2 %, 9 wrong); writer-ad, dates, ages
 * and deadlines (90.8 %, 5 wrong); writer-ae, the official procedure pages' own words (92.6 %, 6 wrong);
 * writer-af, Vietnamese mixed with English (90.8 %, 3 wrong); writer-ag, fishing families on the coast
 * and islands (89.6 %, 1 wrong). And three more (440): writer-ah, teenagers for themselves and their
 * parents (90.8 %, 3 wrong); writer-aj, people with disabilities and their carers (86.6 %, 7 wrong, and
 * 13 of 28 messages not ours answered: their other needs, a wheelchair, a special school, now say where to
 * go); writer-ak, market traders and shop owners (93.9 %, none wrong). A fourth, family stories of three
 * to six lines, is a set of its own (questions-stories.tsv, below). «Is it cheaper online» asked of the
 * online payment alone (an early writer's label) accepts the digital-citizen topic too, as the rule above
 * says.
 */
describe('short chat questions (test/fixtures/questions-chat.tsv: dev set)', () => {
  // With writers g and h (harder than a–f: see above) the set reads lower than the six writers' alone.
  writtenDevSet('test/fixtures/questions-chat.tsv', 5810, 1140, {
    top1: 0.945,
    answered: 0.915,
    wrong: 0.025,
    offered: 0.98,
    kept: 0.94,
  });
});

/**
 * A second dev set of long letters in the style of legal Q&A columns and portal FAQs (a story, other
 * procedures mentioned in passing, then the question), written for development, 2026-12-01: our short
 * dev set flattered long questions (answered 83 % of its long ones against 54 % of the real ones).
 * Used to find what kinds of long questions fail; the decision model is fitted on the short dev set only,
 * and these (with the real dev questions) choose its threshold for plainly told stories.
 * 131 more (tag `qa`, 2026-12-02) by two writers who saw neither the knowledge base nor the other sets:
 * often the real question, then a generic one («Thủ tục thực hiện như thế nào?») and a closing.
 */
describe('long letters (test/fixtures/questions-long.tsv: dev set)', () => {
  const set = readQuestionSet('test/fixtures/questions-long.tsv');

  it('holds 330 letters of 30 words or more, 60 of them about things we do not handle, with known labels', () => {
    expect(set.length).toBeGreaterThanOrEqual(330);
    expect(set.filter((q) => q.topics.length === 0).length).toBeGreaterThanOrEqual(60);
    expect(set.filter((q) => q.question.split(/\s+/).length < 30).map((q) => q.question)).toEqual([]);
    expect(unknownLabels(set)).toEqual([]);
    expect(new Set(set.map((q) => q.question)).size).toBe(set.length);
  });

  it("holds today's floors: top-1 ≥ 85 %, answered outright ≥ 85 %, wrong ≤ 4 %, offered ≥ 88 %, out-of-scope not answered ≥ 88 % and told where to go ≥ 80 %", () => {
    expectFloors(score(engine.matcher, set), {
      top1: 0.85,
      answered: 0.85,
      wrong: 0.04,
      offered: 0.88,
      kept: 0.88,
      toldWhere: 0.8,
    });
  });
});

/**
 * Family stories typed on a phone (test/fixtures/questions-stories.tsv, 2026-12-02): one writer (writer-ai)
 * who saw neither the knowledge base nor the other sets wrote 150 messages of three to six lines, often
 * with commas only, that tell who was born, married, died, moved or lost papers before asking one or two
 * things. They read like the real questions more than like chat: 79.2 % answered, 6 wrong of 120 and 18 of
 * 30 messages not ours told where to go when they came. A dev set of its own, with today's floors.
 */
describe('family stories (test/fixtures/questions-stories.tsv: dev set)', () => {
  writtenDevSet('test/fixtures/questions-stories.tsv', 150, 30, {
    top1: 0.85,
    answered: 0.78,
    wrong: 0.05,
    offered: 0.9,
    kept: 0.9,
  });
});

/**
 * Short English chat messages (residents who chose English: foreign spouses, relatives abroad), written
 * 2026-12-02 by a writer who saw neither the knowledge base nor the other sets: questions-en.tsv is a dev
 * set (the English words of content/language.yaml were chosen on it), questions-en-blind.tsv was only
 * measured.
 */
describe('English questions (test/fixtures/questions-en.tsv: dev; questions-en-blind.tsv: measured only)', () => {
  const dev = readQuestionSet('test/fixtures/questions-en.tsv');
  const blind = readQuestionSet('test/fixtures/questions-en-blind.tsv');

  it('are 170 messages over every topic, none in both sets, with known labels', () => {
    expect(dev.length + blind.length).toBeGreaterThanOrEqual(170);
    expect(unknownLabels([...dev, ...blind])).toEqual([]);
    const covered = new Set(dev.flatMap((q) => q.topics));
    expect(REQUIRED_TOPIC_IDS.filter((id) => !covered.has(id))).toEqual([]);
    expect(copiesIn(blind, questionsOf(dev))).toEqual([]);
  });

  it("holds today's floors on the dev set: top-1 ≥ 88 %, answered ≥ 92 %, wrong ≤ 2 %, offered ≥ 92 %, out-of-scope not answered ≥ 95 %", () => {
    expectFloors(score(engine.matcher, dev), {
      top1: 0.88,
      answered: 0.92,
      wrong: 0.02,
      offered: 0.92,
      kept: 0.95,
    });
  });

  it("holds today's figures on the measured set: answered ≥ 85 %, wrong ≤ 3 %, offered ≥ 88 %", () => {
    expectFloors(score(engine.matcher, blind), { answered: 0.85, wrong: 0.03, offered: 0.88 });
  });

  // A second dev set (2026-12-02, a writer who saw neither the knowledge base nor the other sets), for
  // the English glossary (content/glossary.yaml): 60.0 % answered and 5 wrong before it. A boundary dispute
  // with a neighbour is labelled not ours (2026-12-02), as the Vietnamese sets' writers labelled 31 of 32:
  // the knowledge base sends disputes to mediation (content/out-of-scope.yaml, tranh-chap).
  const second = readQuestionSet('test/fixtures/questions-en-2.tsv');

  it('has a second dev set of 110 messages, none in the measured set', () => {
    expect(second.length).toBeGreaterThanOrEqual(110);
    expect(unknownLabels(second)).toEqual([]);
    expect(copiesIn(blind, questionsOf(second))).toEqual([]);
  });

  it("holds today's floors on the second dev set: answered ≥ 78 %, wrong ≤ 4 %, offered ≥ 87 %, out-of-scope not answered ≥ 95 %", () => {
    expectFloors(score(engine.matcher, second), { answered: 0.78, wrong: 0.04, offered: 0.87, kept: 0.95 });
  });
});
