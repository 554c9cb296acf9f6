import type { Api } from 'grammy';

export interface BotCommand {
  readonly command: string;
  readonly description: string;
}

/** The command menu in Vietnamese (the default, for everyone) and English (for English clients). */
export async function setCommands(
  api: Api,
  vi: readonly BotCommand[],
  en: readonly BotCommand[],
): Promise<void> {
  await api.setMyCommands([...vi]);
  await api.setMyCommands([...vi], { language_code: 'vi' });
  await api.setMyCommands([...en], { language_code: 'en' });
}
