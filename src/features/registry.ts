import type { Button, Reply } from '../core/reply';
import type { Topic } from '../knowledge/schema';
import { fold, syllables } from '../language/normalize';
import { withoutCalling } from './addressed';
import type { Command, Feature, FeatureContext, PayloadKind, TopicAction } from './feature';
import type { Flow } from './flow-engine';
import { rows } from './keyboards';
import type { Turn } from './types';

export interface ParsedPayload {
  readonly kind: PayloadKind<never>;
  readonly args: never;
}

type Single = 'start' | 'newResident' | 'text';

/**
 * The features' declarations as lookup tables: payload prefixes, command words, flows, menu entries.
 * Two features claiming the same prefix, command word or flow is a programming error, caught at start.
 */
export class FeatureRegistry {
  private readonly payloads = new Map<string, PayloadKind<never>>();
  private readonly commands = new Map<string, Command>();
  /** prefix words, longest first */
  private readonly prefixes: { key: string; command: Command }[] = [];
  private readonly actions = new Map<string, TopicAction>();
  readonly flows: readonly Flow[];
  /** the features that look at every event first (Feature.intercept), in list order */
  readonly interceptors: readonly Feature[];

  constructor(readonly features: readonly Feature[]) {
    const ids = new Set<string>();
    for (const f of features) {
      if (ids.has(f.id)) throw new Error(`two features are called ${f.id}`);
      ids.add(f.id);
      for (const kind of f.payloads ?? []) {
        if (this.payloads.has(kind.prefix))
          throw new Error(`payload prefix "${kind.prefix}" is taken (${f.id})`);
        if (!/^[a-z][a-z0-9-]*$/.test(kind.prefix)) throw new Error(`bad payload prefix "${kind.prefix}"`);
        this.payloads.set(kind.prefix, kind);
      }
      for (const command of f.commands ?? []) {
        for (const word of command.words) {
          const key = FeatureRegistry.commandKey(word);
          if (this.commands.has(key)) throw new Error(`command word "${word}" is taken (${f.id})`);
          this.commands.set(key, command);
        }
        for (const word of command.prefixes ?? []) {
          const key = FeatureRegistry.commandKey(word);
          if (this.prefixes.some((p) => p.key === key))
            throw new Error(`command prefix "${word}" is taken (${f.id})`);
          this.prefixes.push({ key, command });
        }
      }
      for (const [topic, action] of Object.entries(f.actions ?? {})) {
        if (this.actions.has(topic)) throw new Error(`two features carry out topic ${topic}`);
        this.actions.set(topic, action);
      }
    }
    for (const hook of ['start', 'newResident', 'text'] as const) {
      if (features.filter((f) => f[hook]).length > 1)
        throw new Error(`more than one feature handles ${hook}`);
    }
    this.flows = features.flatMap((f) => f.flows ?? []);
    this.interceptors = features.filter((f) => f.intercept !== undefined);
    this.prefixes.sort((a, b) => b.key.length - a.key.length);
  }

  /** "/Menu", "menu chính" and "MENU CHINH" are the same command. */
  static commandKey(text: string): string {
    return syllables(text.slice(0, 100)).map(fold).join(' ');
  }

  /** The kind of a pressed button's payload; undefined for an old or forged one. */
  payload(raw: string): ParsedPayload | undefined {
    if (raw.length > 64) return undefined;
    const colon = raw.indexOf(':');
    const prefix = colon < 0 ? raw : raw.slice(0, colon);
    const kind = this.payloads.get(prefix);
    if (!kind) return undefined;
    const args = kind.parse(colon < 0 ? undefined : raw.slice(colon + 1));
    return args === undefined ? undefined : { kind, args: args as never };
  }

  command(text: string): Command | undefined {
    const key = FeatureRegistry.commandKey(text);
    const whole = this.commands.get(key);
    if (whole) return whole;
    // A command that opens with its words may be called first («ad ơi nhắc em…»); a whole-message
    // command may not («ad menu» is a question to answer).
    const called = FeatureRegistry.commandKey(withoutCalling(text).join(' '));
    return this.prefixes.find((p) => called === p.key || called.startsWith(`${p.key} `))?.command;
  }

  topicAction(topicId: string): TopicAction | undefined {
    return this.actions.get(topicId);
  }

  topicButtons(topic: Topic, turn: Turn, ctx: FeatureContext): Button[] {
    return this.features.flatMap((f) => f.topicButtons?.(topic, turn, ctx) ?? []);
  }

  handler<H extends Single>(hook: H): Feature[H] {
    return this.features.find((f) => f[hook])?.[hook];
  }

  /** The main menu: every feature's entries, row by row. */
  mainMenu(turn: Turn, ctx: FeatureContext): Reply {
    const entries = this.features.flatMap((f) => f.menu ?? []);
    const rowNumbers = [...new Set(entries.map((e) => e.row))].sort((a, b) => a - b);
    const village = turn.profile?.village
      ? ctx.kb.commune.villages.find((v) => v.id === turn.profile?.village)
      : undefined;
    return {
      text: ctx.t(turn.locale, 'menu-main', { village: village?.name ?? '' }),
      buttons: rowNumbers.flatMap((row) => {
        const inRow = entries.filter((e) => e.row === row);
        return rows(
          inRow.flatMap((e) => e.buttons(turn, ctx)),
          inRow[0]?.perRow ?? 2,
        );
      }),
    };
  }
}
