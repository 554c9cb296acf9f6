import { type RunnerHandle, run } from '@grammyjs/runner';
import type { Bot } from 'grammy';

/** Long polling, for a laptop or a server without a public HTTPS address. */
export function startPolling(bot: Bot): RunnerHandle {
  return run(bot, {
    runner: { fetch: { allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'] } },
  });
}
