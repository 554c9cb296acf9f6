import type { UserProfile } from '../core/ports';
import type { Reply } from '../core/reply';
import { fold, syllables } from '../language/normalize';
import { answerQuestion } from './answer';
import type { Flow, FlowStep } from './flow-engine';
import { rows } from './keyboards';
import { mainMenu } from './menu';
import { payload } from './payloads';
import type { FeatureDeps, Outcome, Turn } from './types';

export const ONBOARDING = 'onboarding';
export const CHANGE_VILLAGE = 'change-village';
const NO_VILLAGE = 'none';
const STEP_TIMEOUT_MS = 30 * 60_000;

/** The resident's village: a button, its number in the list ("2", "số 2") or its name, typed any way. */
export function findVillage(
  input: { text?: string; payload?: string },
  deps: FeatureDeps,
): string | undefined {
  const villages = deps.kb.commune.villages;
  const fromButton = input.payload?.startsWith('v:') ? input.payload.slice(2) : undefined;
  if (fromButton)
    return fromButton === NO_VILLAGE || villages.some((v) => v.id === fromButton) ? fromButton : undefined;
  const words = syllables(input.text ?? '').map(fold);
  if (words.length === 0) return undefined;
  const number = words.length <= 2 && /^\d+$/.test(words.at(-1)!) ? Number(words.at(-1)) : undefined;
  if (number !== undefined) return villages[number - 1]?.id;
  const said = words.join(' ');
  return villages.find((v) => {
    const name = syllables(v.name.replace(/\(.*?\)/g, ''))
      .map(fold)
      .join(' ');
    return name.length > 0 && (said === name || said.includes(name));
  })?.id;
}

const villageStep: FlowStep = {
  id: 'village',
  ask(turn, _data, deps) {
    const villages = deps.kb.commune.villages.map((v) => ({ label: v.name, payload: payload.village(v.id) }));
    return {
      text: deps.t(turn.locale, 'onboarding-ask-village'),
      buttons: [
        ...rows(villages, 1),
        [{ label: deps.t(turn.locale, 'button-skip'), payload: payload.village(NO_VILLAGE) }],
      ],
    };
  },
  accept(input, data, turn, deps) {
    const village = findVillage(input, deps);
    if (!village) return { ok: false, reply: { text: deps.t(turn.locale, 'onboarding-village-unknown') } };
    return { ok: true, data: { ...data, village } };
  },
};

function profileWith(turn: Turn, village: string): UserProfile {
  const base: UserProfile = turn.profile ?? {
    user: turn.event.user,
    locale: turn.locale,
    firstSeen: turn.now,
    lastSeen: turn.now,
    active: true,
  };
  const { village: _old, ...rest } = base;
  return {
    ...rest,
    ...(village === NO_VILLAGE ? {} : { village }),
    consentAt: base.consentAt ?? turn.now,
    lastSeen: turn.now,
    active: true,
  };
}

function villageName(village: string, deps: FeatureDeps): string {
  return deps.kb.commune.villages.find((v) => v.id === village)?.name ?? '';
}

export const onboardingFlow: Flow = {
  id: ONBOARDING,
  steps: [villageStep],
  timeoutMs: STEP_TIMEOUT_MS,
  complete(data, turn, deps) {
    const village = data.village ?? NO_VILLAGE;
    const profile = profileWith(turn, village);
    const done: Turn = { ...turn, profile };
    const replies: Reply[] = [
      {
        text: [
          village === NO_VILLAGE
            ? deps.t(turn.locale, 'onboarding-done-no-village')
            : deps.t(turn.locale, 'onboarding-done', { village: villageName(village, deps) }),
          deps.t(turn.locale, 'privacy-note'),
        ].join('\n\n'),
      },
    ];
    // A question asked before onboarding is answered right after it.
    if (data.question) {
      const answered = answerQuestion(data.question, done, deps);
      return { replies: [...replies, ...answered.replies], profile, session: answered.session };
    }
    return { replies: [...replies, mainMenu(done, deps)], profile };
  },
};

export const changeVillageFlow: Flow = {
  id: CHANGE_VILLAGE,
  steps: [villageStep],
  timeoutMs: STEP_TIMEOUT_MS,
  complete(data, turn, deps) {
    const village = data.village ?? NO_VILLAGE;
    const profile = profileWith(turn, village);
    return {
      replies: [
        {
          text:
            village === NO_VILLAGE
              ? deps.t(turn.locale, 'village-cleared')
              : deps.t(turn.locale, 'village-changed', { village: villageName(village, deps) }),
        },
        mainMenu({ ...turn, profile }, deps),
      ],
      profile,
    };
  },
};

/** /start, a QR deep link, or the very first message: greet, then ask the village (unless known). */
export function greeting(turn: Turn, deps: FeatureDeps): Reply {
  return { text: deps.t(turn.locale, 'greeting', { commune: deps.kb.commune.name }) };
}

export function validVillage(id: string | undefined, deps: FeatureDeps): string | undefined {
  return id && deps.kb.commune.villages.some((v) => v.id === id) ? id : undefined;
}

export type OnboardingStart = (turn: Turn, data: Record<string, string>) => Promise<Outcome>;
