import { describe, expect, it } from 'vitest';
import { bodyKeys, skipReason } from '../../../src/channels/zalo/skipped';

describe('Zalo bodies that are not messages the bot reads', () => {
  it('names why, as a short counter name', () => {
    expect(skipReason({})).toBe('probe');
    expect(skipReason(null)).toBe('not-an-object');
    expect(skipReason([])).toBe('not-an-object');
    expect(skipReason('message.text.received')).toBe('not-an-object');
    expect(skipReason({ message: { text: 'hi' } })).toBe('no-event-name');
    expect(skipReason({ event_name: '', message: {} })).toBe('no-event-name');
    expect(skipReason({ event_name: 'message.reaction.received' })).toBe(
      'unknown-event:message.reaction.received',
    );
    expect(skipReason({ event_name: 'weird name/with:colons' })).toBe('unknown-event:weird_name_with_colons');
    expect(skipReason({ event_name: 'x'.repeat(500) })).toBe(`unknown-event:${'x'.repeat(60)}`);
    expect(skipReason({ event_name: 'message.text.received' })).toBe('no-message');
    expect(skipReason({ event_name: 'message.text.received', message: { text: 'hi' } })).toBe('bad-message');
  });

  it('shows the keys of a body, never its values', () => {
    const body = { ok: true, result: { event_name: 'x', message: { text: 'Nguyễn Văn A 0912345678' } } };
    expect(bodyKeys(body)).toEqual({ keys: ['ok', 'result'], resultKeys: ['event_name', 'message'] });
    expect(JSON.stringify(bodyKeys(body))).not.toContain('Nguyễn');
    expect(bodyKeys({})).toEqual({ keys: [] });
    expect(bodyKeys(null)).toEqual({ keys: 'null' });
    expect(bodyKeys([1])).toEqual({ keys: 'array' });
    expect(
      bodyKeys(Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]))).keys,
    ).toHaveLength(20);
  });
});
