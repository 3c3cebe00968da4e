// bench/ is not a workspace package: load the engine's own xstate (the same file Node gives the engine).
import type * as XState from 'xstate';
// @ts-expect-error -- plain JS entry without its own type declarations; typed through `XState` below.
import * as xstate from '../../packages/engine/node_modules/xstate/dist/xstate.cjs.mjs';

const x = xstate as typeof XState;
export const { assign, createActor, emit, setup } = x;
export type AnyStateMachine = XState.AnyStateMachine;
