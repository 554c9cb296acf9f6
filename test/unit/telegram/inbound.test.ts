import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { toInboundEvent } from '../../../src/channels/telegram/inbound';

const bot = { username: 'TroLyDvcBot' };
const from = { id: 42, is_bot: false, first_name: 'Lan', language_code: 'vi' };
const privateChat = { id: 42, type: 'private' as const, first_name: 'Lan' };
const group = { id: -100, type: 'supergroup' as const, title: 'Thôn 1' };
const msg = (text: string | undefined, chat: object = privateChat, extra: object = {}) =>
  ({
    update_id: 7,
    message: { message_id: 1, date: 1, chat, from, ...(text !== undefined ? { text } : {}), ...extra },
  }) as unknown as Update;

describe('Telegram updates → InboundEvent', () => {
  it('maps a private text message', () => {
    expect(toInboundEvent(msg('lam giay khai sinh'), bot, 5)).toEqual({
      user: { channel: 'telegram', id: '42' },
      chatId: '42',
      kind: 'text',
      text: 'lam giay khai sinh',
      locale: 'vi',
      messageId: 'u7',
      receivedAt: 5,
    });
  });

  it('reads /start with a deep-link parameter (a village id from a QR poster)', () => {
    expect(toInboundEvent(msg('/start thon-2'), bot, 0)).toMatchObject({
      kind: 'start',
      startParam: 'thon-2',
    });
    expect(toInboundEvent(msg('/start'), bot, 0)).toMatchObject({ kind: 'start' });
  });

  it('maps a button press to its payload', () => {
    const update = {
      update_id: 8,
      callback_query: {
        id: 'q1',
        from,
        chat_instance: 'c',
        data: 'menu',
        message: { message_id: 3, date: 1, chat: privateChat },
      },
    } as unknown as Update;
    expect(toInboundEvent(update, bot, 0)).toMatchObject({ kind: 'button', payload: 'menu', chatId: '42' });
  });

  it('in a group answers only commands and messages that mention the bot', () => {
    expect(toInboundEvent(msg('chào cả nhà', group), bot, 0)).toBeUndefined();
    expect(toInboundEvent(msg('@TroLyDvcBot đổi căn cước ở đâu', group), bot, 0)).toMatchObject({
      kind: 'text',
      text: 'đổi căn cước ở đâu',
      chatId: '-100',
    });
    expect(toInboundEvent(msg('/menu@TroLyDvcBot', group), bot, 0)).toMatchObject({
      kind: 'text',
      text: '/menu',
    });
    expect(toInboundEvent(msg('/menu@OtherBot', group), bot, 0)).toBeUndefined();
  });

  it('says politely it reads text only for photos, stickers, voice, locations and edits (not in groups)', () => {
    expect(toInboundEvent(msg(undefined, privateChat, { photo: [{ file_id: 'x' }] }), bot, 0)).toMatchObject({
      kind: 'media',
    });
    const edited = {
      update_id: 9,
      edited_message: { message_id: 1, date: 1, edit_date: 2, chat: privateChat, from, text: 'sửa' },
    };
    expect(toInboundEvent(edited as unknown as Update, bot, 0)).toMatchObject({ kind: 'media' });
    expect(toInboundEvent(msg(undefined, group, { sticker: { file_id: 'x' } }), bot, 0)).toBeUndefined();
  });

  it('ignores other bots and update types it does not use', () => {
    expect(
      toInboundEvent(msg('hi', privateChat, { from: { ...from, is_bot: true } }), bot, 0),
    ).toBeUndefined();
    expect(toInboundEvent({ update_id: 1, poll: {} } as unknown as Update, bot, 0)).toBeUndefined();
  });
});
