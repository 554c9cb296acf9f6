/** What a resident sees of one bot message, whatever the channel. */
export interface Seen {
  readonly text: string;
  readonly buttons: string[];
}

/** Drives one channel as a resident would: the same conversation in must give equivalent replies out. */
export interface ChannelDriver {
  readonly name: string;
  /**
   * Whether the bot can message this channel's residents later (its adapter has an outbox). Where it
   * cannot (the web chat), a new resident is not asked their village up front: it is chosen from the menu.
   */
  readonly canMessageLater: boolean;
  start(param?: string): Promise<Seen[]>;
  say(text: string): Promise<Seen[]>;
  /** presses the button whose label contains `label`, among the buttons of the latest messages */
  press(label: string): Promise<Seen[]>;
}

/** The conversation every channel must carry the same way. */
export const SCRIPT: { step: string; run: (d: ChannelDriver) => Promise<Seen[]> }[] = [
  { step: 'start', run: (d) => d.start() },
  {
    step: 'pick village 1',
    // Asked at the start where the bot can message later; elsewhere chosen from the menu.
    run: async (d) => {
      if (!d.canMessageLater) await d.press('Đổi thôn/làng');
      return d.press('Thôn/làng 1');
    },
  },
  { step: 'question without diacritics', run: (d) => d.say('lam giay khai sinh cho con') },
  { step: 'section', run: (d) => d.press('Giấy tờ cần có') },
  { step: 'back to the answer', run: (d) => d.press('Quay lại') },
  { step: 'feedback', run: (d) => d.press('👍') },
  { step: 'unsure question', run: (d) => d.say('chứng thực') },
  { step: 'pick a suggestion', run: (d) => d.press('Chứng thực chữ ký') },
  { step: 'menu', run: (d) => d.say('menu') },
  { step: 'English', run: (d) => d.press('English') },
  { step: 'not understood', run: (d) => d.say('xyzzy plugh') },
];
