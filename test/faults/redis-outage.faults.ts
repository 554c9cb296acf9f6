import { describe, expect, it } from 'vitest';
import { runOutage, summarize } from './harness/outage-scenario';

/**
 * Issue targets: Redis stopped 10 s under 50 web messages/s and 10 webhook updates/s — 0 webhook updates
 * lost (counting redeliveries), web answers during the outage 503 within 1 s, /readyz 503 within 1 s of
 * the outage and 200 within 1 s after recovery, nothing answered twice.
 */
describe('Redis stopped for 10 s under load', () => {
  it('loses no update, answers nothing twice, and says 503 fast while Redis is away', async () => {
    const result = await runOutage({
      fault: 'stop',
      faultMs: 10_000,
      webPerSecond: 50,
      webhookPerSecond: 10,
      calmMs: 4000,
    });
    const s = summarize(result);
    console.log('redis stopped 10 s:', JSON.stringify(s));
    expect(s.repliesPerUpdate).toBeGreaterThan(0);
    expect(s.lostUpdates).toBe(0);
    expect(s.answeredTwice).toBe(0);
    expect(s.webDuringFault).toBeGreaterThan(300);
    expect(Object.keys(s.webStatusesDuringFault)).toEqual(['503']);
    expect(s.slowestWebDuringFaultMs).toBeLessThan(1000);
    expect(Object.keys(s.webStatuses).sort()).toEqual(['200', '503']);
    expect(s.ready503AfterMs).toBeLessThan(1000);
    expect(s.ready200AfterMs).toBeLessThan(1000);
    // Some updates met the outage and were redelivered.
    expect(s.webhookAttempts).toBeGreaterThan(s.updates);
  });
});
