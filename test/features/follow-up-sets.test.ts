import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createAnswerEngine } from '../../src/answer-engine';
import { createTestBot } from '../helpers/test-bot';

/**
 * Follow-ups typed after an answer, through the conversation (issue «A bot that understands residents…»):
 * sets written by helpers who never saw how the bot reads them. The dev set (three collections, 2026-12-03,
 * the third only about papers and notes) was read to improve the bot; the held-out set (two more, one of them written after the last change) was
 * only measured, never written from. BENCHMARKS.md has the figures; the floors here keep them.
 */

const bot = createTestBot();
afterAll(() => bot.close());
const engine = createAnswerEngine('content', 'locales');

interface FollowUp {
  /** the topic just answered */
  readonly topic: string;
  readonly said: string;
  /** a section key of that topic, `topic:<id>` (another procedure), `safety` or `outside:<id>` */
  readonly expect: string;
}

function readFollowUps(path: string): FollowUp[] {
  const [header, ...lines] = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  if (header !== 'topic\tfollowup\texpect') throw new Error(`${path}: unexpected header ${header}`);
  return lines.map((line) => {
    const [topic = '', said = '', expect = ''] = line.split('\t');
    return { topic, said, expect };
  });
}

const titleOf = (id: string): string => engine.kb.topics.find((t) => t.id === id)?.title ?? `«${id}»`;

/** Whether the reply is what the row expects: the section's heading, the other topic, the scam warning… */
function isExpected(f: FollowUp, reply: string): boolean {
  if (f.expect === 'safety') return reply.startsWith('⚠️ KHÔNG');
  if (f.expect.startsWith('outside:')) {
    const outside = engine.kb.outOfScope.find((o) => o.id === f.expect.slice('outside:'.length));
    return outside !== undefined && reply.startsWith(outside.reply.split('{')[0]!.trim());
  }
  if (f.expect.startsWith('topic:')) return reply.startsWith(titleOf(f.expect.slice('topic:'.length)));
  return reply.startsWith(`${titleOf(f.topic)} — ${bot.deps.t('vi', `section-${f.expect}`)}`);
}

/** The share of follow-ups answered as expected, and the misses (for the failure message). */
async function answered(set: readonly FollowUp[]): Promise<{ share: number; misses: string[] }> {
  const misses: string[] = [];
  for (const f of set) {
    const r = bot.resident();
    await r.start('thon-1');
    await r.pressPayload(`topic:${f.topic}`);
    const [reply] = await r.say(f.said);
    const text = reply?.text ?? '';
    if (!isExpected(f, text)) misses.push(`${f.topic} «${f.said}» (${f.expect}) → ${text.split('\n')[0]}`);
  }
  return { share: (set.length - misses.length) / set.length, misses };
}

describe('follow-ups written by people who never saw how the bot reads them', () => {
  const dev = readFollowUps('test/fixtures/follow-ups-dev.tsv');
  const heldOut = readFollowUps('test/fixtures/follow-ups-held-out.tsv');

  it('every row names a topic and a section it has, another topic, a scam or a subject we do not handle', () => {
    for (const f of [...dev, ...heldOut]) {
      const topic = engine.kb.topics.find((t) => t.id === f.topic);
      expect(topic, f.said).toBeDefined();
      const [kind, id] = f.expect.split(':');
      if (kind === 'topic') expect(engine.kb.topics.some((t) => t.id === id)).toBe(true);
      else if (kind === 'outside') expect(engine.kb.outOfScope.some((o) => o.id === id)).toBe(true);
      else if (kind !== 'safety') expect(Object.keys(topic?.sections ?? {}), f.said).toContain(f.expect);
    }
  });

  it('answers ≥ 79 % of the dev follow-ups (540) as expected', async () => {
    const { share, misses } = await answered(dev);
    expect(share, misses.join('\n')).toBeGreaterThanOrEqual(0.79);
  }, 120_000);

  it('answers ≥ 81 % of the held-out follow-ups (320, never written from) as expected', async () => {
    const { share, misses } = await answered(heldOut);
    expect(share, misses.join('\n')).toBeGreaterThanOrEqual(0.81);
  }, 120_000);
});
