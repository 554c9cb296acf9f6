import type { FeatureContext } from './feature';
import { FlowEngine } from './flow-engine';
import type { FeatureRegistry, ParsedPayload } from './registry';
import type { FeatureDeps, Outcome, Turn } from './types';

/**
 * One place decides which feature handles an event, by looking it up in the features' declarations;
 * the features themselves know no channel.
 */
export class Router {
  private readonly flows: FlowEngine;
  private readonly ctx: FeatureContext;

  constructor(
    deps: FeatureDeps,
    private readonly registry: FeatureRegistry,
  ) {
    this.flows = new FlowEngine(registry.flows);
    const ctx: FeatureContext = {
      ...deps,
      flows: this.flows,
      mainMenu: (turn) => registry.mainMenu(turn, ctx),
      stale: (turn) => ({
        replies: [{ text: deps.t(turn.locale, 'stale-button') }, registry.mainMenu(turn, ctx)],
      }),
      isCommand: (text) => registry.command(text) !== undefined,
      topicAction: (topicId) => registry.topicAction(topicId),
      topicButtons: (topic, turn) => registry.topicButtons(topic, turn, ctx),
    };
    this.ctx = ctx;
  }

  async route(turn: Turn): Promise<Outcome> {
    const { event } = turn;
    const { ctx } = this;
    const button =
      event.kind === 'button' && event.payload ? this.registry.payload(event.payload) : undefined;
    if (event.kind === 'start') return this.start(turn, event.startParam);
    if (button?.kind.anyTime) return this.press(button, turn);
    const command = event.kind === 'text' ? this.registry.command(event.text ?? '') : undefined;
    if (command?.anyTime) return command.handle(turn, ctx);
    for (const feature of this.registry.interceptors) {
      const taken = await feature.intercept?.(turn, ctx);
      if (taken) return taken;
    }
    if (event.kind === 'media') return { replies: [{ text: ctx.t(turn.locale, 'media-not-read') }] };

    let expired: Outcome | undefined;
    const flow = turn.session.flow;
    if (flow) {
      const { flow: _gone, ...withoutFlow } = turn.session;
      if (this.flows.isExpired(flow, turn.now)) {
        expired = { replies: [{ text: ctx.t(turn.locale, 'flow-expired') }] };
        turn = { ...turn, session: withoutFlow };
      } else if (event.kind === 'text' || button?.kind.formInput) {
        return this.flows.continue(flow, { text: event.text, payload: event.payload }, turn, ctx);
      } else {
        // Another button (menu, a topic…) leaves the form.
        turn = { ...turn, session: withoutFlow };
      }
    }

    const outcome = await this.handle(turn, button);
    return expired ? { ...outcome, replies: [...expired.replies, ...outcome.replies] } : outcome;
  }

  private async handle(turn: Turn, button: ParsedPayload | undefined): Promise<Outcome> {
    const { ctx } = this;
    // A newcomer is onboarded first (the village) only where the bot can message them later; elsewhere
    // (the web chat) the first question is answered at once and commands work without a profile.
    // Never in a group chat (the staff group): a group is not a resident to onboard.
    const inGroup = turn.event.chatId !== turn.event.user.id;
    if (!turn.profile && !inGroup && ctx.canMessageLater(turn.event.user.channel)) {
      const first = this.registry.handler('newResident');
      if (first) return first(turn, ctx);
    }
    if (turn.event.kind === 'button') return button ? this.press(button, turn) : ctx.stale(turn);
    const text = turn.event.text ?? '';
    const command = this.registry.command(text);
    if (command) return command.handle(turn, ctx);
    const answer = this.registry.handler('text');
    return answer ? answer(text, turn, ctx) : ctx.stale(turn);
  }

  private async press(button: ParsedPayload, turn: Turn): Promise<Outcome> {
    return (await button.kind.handle(button.args, turn, this.ctx)) ?? this.ctx.stale(turn);
  }

  private async start(turn: Turn, param: string | undefined): Promise<Outcome> {
    const start = this.registry.handler('start');
    return start ? start(turn, param, this.ctx) : { replies: [this.ctx.mainMenu(turn)] };
  }
}
