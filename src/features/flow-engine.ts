import type { Reply } from '../core/reply';
import type { FlowState, Session } from '../core/state';
import { foldedWords } from '../language/normalize';
import type { FeatureContext } from './feature';
import type { Outcome, Turn } from './types';

/** What the resident gave at a step: typed text or a pressed button. */
export interface StepInput {
  readonly text?: string;
  readonly payload?: string;
}

export type StepResult = { ok: true; data: Record<string, string> } | { ok: false; reply: Reply };

export interface FlowStep {
  readonly id: string;
  /** the question of this step */
  ask(turn: Turn, data: Record<string, string>, ctx: FeatureContext): Reply;
  /** validates the answer; adds to the data, or says what is wrong (the step is asked again) */
  accept(input: StepInput, data: Record<string, string>, turn: Turn, ctx: FeatureContext): StepResult;
}

/** A multi-step form: ask → validate → next step, then complete. */
export interface Flow {
  readonly id: string;
  readonly steps: readonly FlowStep[];
  /** how long the resident may take to answer a step */
  readonly timeoutMs: number;
  complete(data: Record<string, string>, turn: Turn, ctx: FeatureContext): Promise<Outcome> | Outcome;
}

const CANCEL_WORDS = new Set(['huy', 'thoi', 'cancel', 'dung lai', 'khong lam nua', 'huy bo']);

export function isCancel(input: StepInput): boolean {
  if (input.payload === 'cancel') return true;
  return CANCEL_WORDS.has(foldedWords(input.text ?? ''));
}

/**
 * Runs flows. The state lives in the session (Redis, with a time to live), so a form survives a restart
 * and several web processes can serve the same resident.
 */
export class FlowEngine {
  private readonly flows = new Map<string, Flow>();

  constructor(flows: readonly Flow[]) {
    for (const f of flows) {
      if (this.flows.has(f.id)) throw new Error(`two flows are called ${f.id}`);
      this.flows.set(f.id, f);
    }
  }

  has(id: string): boolean {
    return this.flows.has(id);
  }

  /** Starts a flow, skipping steps whose data is already given. */
  async start(
    id: string,
    turn: Turn,
    ctx: FeatureContext,
    data: Record<string, string> = {},
  ): Promise<Outcome> {
    const flow = this.get(id);
    return this.advance(flow, 0, data, turn, ctx);
  }

  /** A flow in progress and expired? The caller then handles the message normally. */
  isExpired(state: FlowState, now: number): boolean {
    return now > state.expiresAt || !this.flows.has(state.flow);
  }

  /** The resident's answer to the current step of the flow in the session. */
  async continue(state: FlowState, input: StepInput, turn: Turn, ctx: FeatureContext): Promise<Outcome> {
    const flow = this.get(state.flow);
    const { t } = ctx;
    if (isCancel(input)) {
      return { replies: [{ text: t(turn.locale, 'flow-cancelled') }], session: withoutFlow(turn.session) };
    }
    const step = flow.steps[state.step];
    if (!step) return this.advance(flow, flow.steps.length, state.data, turn, ctx);
    const result = step.accept(input, state.data, turn, ctx);
    if (!result.ok) {
      const again = { ...state, expiresAt: turn.now + flow.timeoutMs };
      return {
        replies: [result.reply, step.ask(turn, state.data, ctx)],
        session: { ...turn.session, flow: again },
      };
    }
    return this.advance(flow, state.step + 1, result.data, turn, ctx);
  }

  private async advance(
    flow: Flow,
    from: number,
    data: Record<string, string>,
    turn: Turn,
    ctx: FeatureContext,
  ): Promise<Outcome> {
    let index = from;
    // A step whose answer is already in the data (e.g. a village from a QR poster) is skipped.
    while (index < flow.steps.length && data[flow.steps[index]!.id] !== undefined) index++;
    const step = flow.steps[index];
    if (step) {
      const state: FlowState = { flow: flow.id, step: index, data, expiresAt: turn.now + flow.timeoutMs };
      return { replies: [step.ask(turn, data, ctx)], session: { ...turn.session, flow: state } };
    }
    const done = await flow.complete(data, { ...turn, session: withoutFlow(turn.session) }, ctx);
    return { ...done, session: done.session ?? withoutFlow(turn.session) };
  }

  private get(id: string): Flow {
    const flow = this.flows.get(id);
    if (!flow) throw new Error(`unknown flow ${id}`);
    return flow;
  }
}

export function withoutFlow(session: Session): Session {
  const { flow: _dropped, ...rest } = session;
  return rest;
}
