import { fold, syllables } from '../language/normalize';
import { answerQuestion, answerTopic, miss, showSection } from './answer';
import { answerDelete, askToDelete } from './delete-data';
import { recordFeedback } from './feedback';
import type { FlowEngine } from './flow-engine';
import { groupMenu, mainMenu, showMainMenu } from './menu';
import { CHANGE_VILLAGE, greeting, ONBOARDING, validVillage } from './onboarding';
import { parsePayload } from './payloads';
import { MAX_QUESTION_LENGTH } from './question-answering';
import { help, setLanguage } from './settings';
import type { FeatureDeps, Outcome, Turn } from './types';

/** Whole messages that are commands, compared without diacritics ("/menu", "Menu", "menu chính"). */
const COMMANDS: Record<string, string[]> = {
  start: ['start', 'bat dau'],
  menu: ['menu', 'menu chinh', 'danh muc'],
  help: ['help', 'tro giup', 'huong dan su dung'],
  english: ['english', 'tieng anh', 'lang en'],
  vietnamese: ['tieng viet', 'vietnamese', 'lang vi'],
  delete: ['xoa du lieu cua toi', 'xoa du lieu', 'delete my data', 'xoa thong tin cua toi'],
  village: ['doi thon', 'doi lang', 'chon thon', 'doi thon lang', 'change village'],
  cancel: ['huy', 'cancel', 'huy bo'],
};
const COMMAND_OF = new Map(
  Object.entries(COMMANDS).flatMap(([cmd, words]) => words.map((w) => [w, cmd] as const)),
);

export function commandOf(text: string): string | undefined {
  return COMMAND_OF.get(syllables(text.slice(0, 100)).map(fold).join(' '));
}

/** One place decides which feature handles an event; the features themselves know no channel. */
export class Router {
  constructor(
    private readonly deps: FeatureDeps,
    private readonly flows: FlowEngine,
  ) {}

  async route(turn: Turn): Promise<Outcome> {
    const { event } = turn;
    const button = event.kind === 'button' && event.payload ? parsePayload(event.payload) : undefined;
    if (event.kind === 'start' || button?.kind === 'start') {
      return this.start(turn, event.startParam ?? (button?.kind === 'start' ? button.param : undefined));
    }

    if (event.kind === 'media') {
      return { replies: [{ text: this.deps.t(turn.locale, 'media-not-read') }] };
    }

    let expired: Outcome | undefined;
    const flow = turn.session.flow;
    if (flow) {
      if (this.flows.isExpired(flow, turn.now)) {
        const { flow: _gone, ...session } = turn.session;
        expired = { replies: [{ text: this.deps.t(turn.locale, 'flow-expired') }] };
        turn = { ...turn, session };
      } else if (!button || button.kind === 'village' || button.kind === 'cancel') {
        return this.flows.continue(flow, { text: event.text, payload: event.payload }, turn);
      } else {
        // Another button (menu, a topic…) leaves the form.
        const { flow: _left, ...session } = turn.session;
        turn = { ...turn, session };
      }
    }

    const outcome = await this.handle(turn, button);
    return expired ? { ...outcome, replies: [...expired.replies, ...outcome.replies] } : outcome;
  }

  private async handle(turn: Turn, button: ReturnType<typeof parsePayload> | undefined): Promise<Outcome> {
    const { deps } = this;
    // First contact: greet and ask the village; a question asked first is answered right after.
    if (!turn.profile) {
      const question =
        turn.event.kind === 'text' && turn.event.text && !commandOf(turn.event.text)
          ? turn.event.text
          : undefined;
      return this.start(turn, undefined, question);
    }
    if (button) {
      switch (button.kind) {
        case 'menu':
          return showMainMenu(turn, deps);
        case 'group': {
          const menu = groupMenu(button.group, turn, deps);
          return menu ? { replies: [menu] } : this.stale(turn);
        }
        case 'topic':
          return this.orStale(turn, answerTopic(button.topic, turn, deps));
        case 'section':
          return this.orStale(turn, showSection(button.topic, button.section, turn, deps));
        case 'feedback':
          return this.orStale(turn, await recordFeedback(button.topic, button.value, turn, deps));
        case 'change-village':
          return this.flows.start(CHANGE_VILLAGE, turn);
        case 'language':
          return setLanguage(button.locale, turn, deps);
        case 'help':
          return help(turn, deps);
        case 'delete':
          return button.answer ? answerDelete(button.answer === 'yes', turn, deps) : askToDelete(turn, deps);
        case 'none-of-these':
          return miss(turn, deps);
        case 'cancel':
          return { replies: [{ text: deps.t(turn.locale, 'nothing-to-cancel') }] };
        default:
          return this.stale(turn);
      }
    }
    const text = turn.event.text ?? '';
    switch (commandOf(text)) {
      case 'menu':
        return showMainMenu(turn, deps);
      case 'help':
        return help(turn, deps);
      case 'english':
        return setLanguage('en', turn, deps);
      case 'vietnamese':
        return setLanguage('vi', turn, deps);
      case 'delete':
        return askToDelete(turn, deps);
      case 'village':
        return this.flows.start(CHANGE_VILLAGE, turn);
      case 'cancel':
        return { replies: [{ text: deps.t(turn.locale, 'nothing-to-cancel') }] };
      default:
        return answerQuestion(text, turn, deps);
    }
  }

  /** /start (with a village id from a QR poster, perhaps) or the first message of a new resident. */
  private async start(turn: Turn, param: string | undefined, question?: string): Promise<Outcome> {
    const { deps } = this;
    const village = validVillage(param, deps);
    const hello = greeting(turn, deps);
    if (turn.profile && !village) {
      return { replies: [hello, mainMenu(turn, deps)], session: { misses: 0 } };
    }
    const data: Record<string, string> = {};
    if (village) data.village = village;
    // Kept with the form until the village is chosen; one character past the limit keeps the "too long" note.
    if (question) data.question = question.slice(0, MAX_QUESTION_LENGTH + 1);
    const started = await this.flows.start(
      turn.profile ? CHANGE_VILLAGE : ONBOARDING,
      { ...turn, session: { misses: 0 } },
      data,
    );
    return { ...started, replies: [hello, ...started.replies] };
  }

  private orStale(turn: Turn, outcome: Outcome | undefined): Outcome {
    return outcome ?? this.stale(turn);
  }

  private stale(turn: Turn): Outcome {
    return { replies: [{ text: this.deps.t(turn.locale, 'stale-button') }, mainMenu(turn, this.deps)] };
  }
}
