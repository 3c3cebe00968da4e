import type { EngineContext } from './types';

/**
 * The subset of XState's state config the compiler writes. Blocks are only known at run time, so the
 * config is assembled as plain data and checked here (names of actions, guards and effects) instead of
 * through XState's deeply generic config types; `createFlowSetup` implements every name listed.
 */
export type ActionName =
  | 'resetSteps'
  | 'countStep'
  | 'enterBlock'
  | 'budgetExceeded'
  | 'startVariables'
  | 'setVariables'
  | 'recordInput'
  | 'say'
  | 'sayEnd'
  | 'askChoice'
  | 'askInput'
  | 'emitAwaiting'
  | 'gotoJump'
  | 'triggerMatched'
  | 'intentMatchedAt'
  | 'fallback'
  | 'saveChoice'
  | 'saveTyped'
  | 'saveCapture'
  | 'retry'
  | 'setVariable'
  | 'mapHttp'
  | 'answered'
  | 'handedOff'
  | 'offline'
  | 'agentStart'
  | 'agentHeard'
  | 'agentReplied'
  | 'agentFailed'
  | 'agentHandedOff'
  | 'clearEffect';

export type GuardName =
  | 'overBudget'
  | 'inputIsText'
  | 'buttonChosen'
  | 'captureValid'
  | 'canRetry'
  | 'conditionHolds'
  | 'intentMatched'
  | 'jumpIs'
  | 'httpOk'
  | 'answerFound'
  | 'handoffAccepted'
  | 'agentHandsOff';

/** Effects that leave the process: the machine waits for their result as an event (see `awaitEffect`). */
export type ExternalEffectName = 'http' | 'answer' | 'agentTurn' | 'classifyIntent';
/** Effects the host runs at once, inside the step (they only touch its own data). */
export type LocalEffectName = 'handoff' | 'sendEmail';
export type EffectName = ExternalEffectName | LocalEffectName;

type Params = Record<string, string>;
/** Records the effect the state waits for in `context.pending`; its request is built from the context on entry. */
export interface RequestEffectRef {
  type: 'requestEffect';
  params: (args: { context: EngineContext }) => { kind: ExternalEffectName; request: unknown };
}
export type ActionRef = ActionName | { type: ActionName; params: Params } | RequestEffectRef;
export type GuardRef = GuardName | { type: GuardName; params: Params };

export interface Transition {
  target?: string;
  /** Exit and enter the target even when it is the current block (a loop back to itself runs it again). */
  reenter?: boolean;
  guard?: GuardRef;
  actions?: ActionRef | ActionRef[];
}

export interface InvokeConfig {
  src: LocalEffectName;
  input: (args: { context: EngineContext }) => unknown;
  onDone: Transition | Transition[];
  onError: Transition;
}

export interface StateConfig {
  id?: string;
  tags?: string[];
  entry?: ActionRef[];
  always?: Transition[];
  initial?: string;
  states?: Record<string, StateConfig>;
  exit?: ActionRef[];
  on?: Record<string, Transition | Transition[]>;
  invoke?: InvokeConfig;
}

/** A state that asks the host for an external effect and follows a transition by its result. */
export interface AwaitConfig {
  effect: ExternalEffectName;
  input: (args: { context: EngineContext }) => unknown;
  onDone: Transition | Transition[];
  onError: Transition;
}
