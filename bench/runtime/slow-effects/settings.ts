/** The slow-effects bench's sizes, goals and command-line switches (see ../slow-effects.ts). */
export const BASELINE_COMMIT = '231323c';
export const CONVERSATIONS = Number(process.env.SLOW_EFFECTS_CONVERSATIONS ?? 200);
export const BASELINE_CONVERSATIONS = Number(process.env.SLOW_EFFECTS_BASELINE_CONVERSATIONS ?? 40);
export const UPSTREAM_MS = 1000;
export const WARM_UP = 5;
export const GOAL_LAST_S = 1.5;
export const GOAL_READY_P99_MS = 50;
export const GOAL_FIRST_TOKEN_P99_MS = 100;
/** Skip the old code's runs (the before/after table stays empty): A/B runs of the current code. */
export const skipBaseline = process.argv.includes('--no-baseline');
/** Run the current code from a clean worktree of HEAD instead of this working tree (others' uncommitted edits). */
export const useHead = process.argv.includes('--head');
const profileArg = process.argv.find((arg) => arg.startsWith('--profile'));
export const profileScenario = profileArg ? (profileArg.split('=')[1] ?? 'http') : undefined;
if (profileScenario && profileScenario !== 'http' && profileScenario !== 'ai') throw new Error('--profile=http|ai');
