import { describe, expect, it } from 'vitest';
import { webhookUrlProblem } from '../../../src/channels/zalo/webhook-url';

describe('webhookUrlProblem: what Zalo would refuse, found before calling it', () => {
  it('accepts a public https address', () => {
    for (const url of [
      'https://bot.xaiadom.example/webhooks/zalo',
      'https://203.113.10.5/webhooks/zalo',
      'https://172.32.0.1/webhooks/zalo',
      'https://[2001:db8::1]:8443/webhooks/zalo',
    ]) {
      expect(webhookUrlProblem(url), url).toBeUndefined();
    }
  });

  it('refuses what is not https', () => {
    expect(webhookUrlProblem('http://bot.xaiadom.example/webhooks/zalo')).toEqual({
      kind: 'not-https',
      protocol: 'http:',
    });
    expect(webhookUrlProblem('not a url')).toEqual({ kind: 'invalid' });
  });

  it('refuses localhost, loopback, private ranges, ::1, fc00::/7 and .local names', () => {
    for (const url of [
      'https://localhost/webhooks/zalo',
      'https://api.localhost/webhooks/zalo',
      'https://127.0.0.1:8443/webhooks/zalo',
      'https://127.9.9.9/webhooks/zalo',
      'https://10.1.2.3/webhooks/zalo',
      'https://172.16.0.1/webhooks/zalo',
      'https://172.31.255.254/webhooks/zalo',
      'https://192.168.1.20/webhooks/zalo',
      'https://169.254.1.1/webhooks/zalo',
      'https://[::1]/webhooks/zalo',
      'https://[fc00::1]/webhooks/zalo',
      'https://[fd12:3456::1]/webhooks/zalo',
      'https://[fe80::1]/webhooks/zalo',
      'https://[::ffff:192.168.0.1]/webhooks/zalo',
      'https://may-chu-xa.local/webhooks/zalo',
      'https://MAY-CHU.LOCAL./webhooks/zalo',
    ]) {
      expect(webhookUrlProblem(url)?.kind, url).toBe('private');
    }
  });
});
