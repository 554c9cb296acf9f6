import type { z } from 'zod';
import type { Button, Reply } from '../core/reply';
import type { Topic } from '../knowledge/schema';
import type { Flow, FlowEngine } from './flow-engine';
import type { FeatureDeps, Outcome, Turn } from './types';

/** What a feature handler gets besides the turn: the ports and a few things every feature may use. */
export interface FeatureContext extends FeatureDeps {
  /** the main menu, built from every feature's menu entries */
  mainMenu(turn: Turn): Reply;
  /** the answer to a button that is old or forged */
  stale(turn: Turn): Outcome;
  /** whether a typed message is one of the features' command words */
  isCommand(text: string): boolean;
  /** the feature that carries out a topic of kind `action` («Nhắc lịch»), if one does */
  topicAction(topicId: string): TopicAction | undefined;
  /** buttons the features add under a topic's answer («Nhắc tôi») */
  topicButtons(topic: Topic, turn: Turn): Button[];
  readonly flows: FlowEngine;
}

type Handled = Outcome | undefined | Promise<Outcome | undefined>;

/**
 * A kind of button payload: `prefix` or `prefix:args`, short ASCII (Telegram's callback_data holds 64
 * bytes). `parse` reads the args (undefined: not valid, the button is treated as stale); `handle`
 * answers (undefined: the thing it names no longer exists, also stale).
 */
export interface PayloadKind<A = unknown> {
  readonly prefix: string;
  parse(args: string | undefined): A | undefined;
  handle(args: A, turn: Turn, ctx: FeatureContext): Handled;
  /** a form's answer (e.g. a village button): goes to the form in progress instead of leaving it */
  readonly formInput?: boolean;
  /** handled before anything else, even a form or a first contact (a start button) */
  readonly anyTime?: boolean;
}

export type TopicAction = (turn: Turn, ctx: FeatureContext) => Outcome | Promise<Outcome>;

/** Whole messages that are commands, compared without diacritics and punctuation ("/menu", "Menu"). */
export interface Command {
  readonly words: readonly string[];
  /**
   * Words that start a message and make the whole of it this command («nhắc tôi thứ 6 lên xã»): the
   * handler reads the rest from the turn. Whole-message words win over these.
   */
  readonly prefixes?: readonly string[];
  /** understood at every step, even in the middle of a form or before the first step is done */
  readonly anyTime?: boolean;
  handle(turn: Turn, ctx: FeatureContext): Outcome | Promise<Outcome>;
}

/** Buttons a feature adds to the main menu; entries with the same row number share a row. */
export interface MenuEntry {
  readonly row: number;
  /** buttons per row in that row (default 2) */
  readonly perRow?: number;
  buttons(turn: Turn, ctx: FeatureContext): Button[];
}

/**
 * One behaviour of the bot. The router only looks things up in the list of features
 * (features/index.ts): adding a feature is this one object in one file plus one line there.
 */
export interface Feature {
  readonly id: string;
  readonly commands?: readonly Command[];
  readonly payloads?: readonly PayloadKind<never>[];
  readonly flows?: readonly Flow[];
  readonly menu?: readonly MenuEntry[];
  /** topics of kind `action` (in content/topics) that this feature carries out */
  readonly actions?: Readonly<Record<string, TopicAction>>;
  /** buttons under a topic's answer, e.g. «Nhắc tôi» under a procedure */
  topicButtons?(topic: Topic, turn: Turn, ctx: FeatureContext): Button[];
  /** the schema of this feature's own data in the session (see feature-state.ts) */
  readonly session?: z.ZodType;
  /** /start, a QR deep link (param) or a start button: at most one feature handles it */
  start?(turn: Turn, param: string | undefined, ctx: FeatureContext): Outcome | Promise<Outcome>;
  /** the first message of someone the bot does not know yet: at most one feature handles it */
  newResident?(turn: Turn, ctx: FeatureContext): Outcome | Promise<Outcome>;
  /**
   * Looked at before the usual routing (after /start and the any-time commands): a feature that takes
   * the event returns its outcome (a resident talking to a staff member; a staff reply in the staff
   * group), otherwise undefined. Keep it cheap: it runs on every event.
   */
  intercept?(turn: Turn, ctx: FeatureContext): Outcome | undefined | Promise<Outcome | undefined>;
  /** typed text that is no command: at most one feature handles it (the answer engine) */
  text?(text: string, turn: Turn, ctx: FeatureContext): Outcome | Promise<Outcome>;
}

/** Declares a payload kind with its argument type checked, then forgets the type for the list. */
export function payloadKind<A>(kind: PayloadKind<A>): PayloadKind<never> {
  return kind as unknown as PayloadKind<never>;
}

/** `prefix` or `prefix:args`, as buttons carry it. */
export const buildPayload = (prefix: string, ...args: string[]): string =>
  args.length > 0 ? `${prefix}:${args.join(':')}` : prefix;
