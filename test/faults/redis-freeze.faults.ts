import { describe, expect, it } from 'vitest';
import { runOutage, summarize } from './harness/outage-scenario';

/** Issue target: Redis frozen 10 s (SIGSTOP, a hung process) — no request waits more than 2 s. */
describe('Redis frozen for 10 s under load', () => {
  it('keeps every request under 2 s, then handles every update once', async () => {
    const result = await runOutage({
      fault: 'freeze',
      faultMs: 10_000,
      webPerSecond: 50,
      webhookPerSecond: 10,
      calmMs: 4000,
    });
    const s = summarize(result);
    console.log('redis frozen 10 s:', JSON.stringify(s));
    expect(s.slowestWebMs).toBeLessThan(2000);
    expect(s.slowestWebhookMs).toBeLessThan(2000);
    expect(s.slowestReadyMs).toBeLessThan(2000);
    expect(s.webStatusesDuringFault['503']).toBeGreaterThan(0);
    expect(s.webStatusesDuringFault['500'] ?? 0).toBe(0);
    expect(s.ready503AfterMs).toBeLessThan(1000);
    expect(s.ready200AfterMs).toBeLessThan(1000);
    expect(s.lostUpdates).toBe(0);
    expect(s.answeredTwice).toBe(0);
  });
});
