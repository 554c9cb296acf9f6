import { describe, expect, it } from 'vitest';
import { runOutage, summarize } from './harness/outage-scenario';

/**
 * The fast part of the fault suite (npm test): a short Redis stop and a short freeze under light load.
 * The full 10-second versions at the rates are test/faults/redis-*.faults.ts (npm run faults).
 */
describe('Redis faults, briefly', () => {
  it('a 2-second stop: every webhook update answered once, web 503 in under 1 s meanwhile', async () => {
    const s = summarize(
      await runOutage({ fault: 'stop', faultMs: 2000, webPerSecond: 20, webhookPerSecond: 5, calmMs: 1500 }),
    );
    expect(s.lostUpdates).toBe(0);
    expect(s.answeredTwice).toBe(0);
    expect(s.webDuringFault).toBeGreaterThan(20);
    expect(Object.keys(s.webStatusesDuringFault)).toEqual(['503']);
    expect(s.slowestWebDuringFaultMs).toBeLessThan(1000);
    expect(s.ready503AfterMs).toBeLessThan(1000);
    expect(s.ready200AfterMs).toBeLessThan(1000);
  }, 60_000);

  it('a 3-second freeze: no request waits 2 s, nothing lost or doubled', async () => {
    const s = summarize(
      await runOutage({
        fault: 'freeze',
        faultMs: 3000,
        webPerSecond: 20,
        webhookPerSecond: 5,
        calmMs: 1500,
      }),
    );
    expect(Math.max(s.slowestWebMs, s.slowestWebhookMs, s.slowestReadyMs)).toBeLessThan(2000);
    expect(s.lostUpdates).toBe(0);
    expect(s.answeredTwice).toBe(0);
  }, 60_000);
});
