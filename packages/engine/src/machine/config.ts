import type { EngineContext } from './types';

/**
 * The subset of XState's state config the compiler writes. Blocks are only known at run time, so the
 * config is assembled as plain data and checked here (names of actions, guards and effects) instead of
 * through XState's deeply generic config types; `createFlowSetup` implements every name listed.
 */
export type ActionName =
  | 'resetSteps'
  | 'countStep'
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
  | 'agentHandedOff';

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

export type EffectName = 'http' | 'answer' | 'agentTurn' | 'classifyIntent' | 'handoff' | 'sendEmail';

type Params = Record<string, string>;
export type ActionRef = ActionName | { type: ActionName; params: Params };
export type GuardRef = GuardName | { type: GuardName; params: Params };

export interface Transition {
  target?: string;
  /** Exit and enter the target even when it is the current block (a loop back to itself runs it again). */
  reenter?: boolean;
  guard?: GuardRef;
  actions?: ActionRef | ActionRef[];
}

export interface InvokeConfig {
  src: EffectName;
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
  on?: Record<string, Transition | Transition[]>;
  invoke?: InvokeConfig;
}
