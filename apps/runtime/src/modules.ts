import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './http/env';
import type { Services } from './services';
import type {
  AfterHandoffHook,
  AfterVisitorMessageHook,
  ContactCapturedHook,
  ConversationHooks,
  HandoffHooks,
  HandoffOutcomeHook,
  MessageHook,
  OnHandoffHook,
  ReplyTimeHook,
  ResolvedHook,
  SendEmailHook,
  VisitorReachHook,
  WidgetAvailabilityHook,
} from './services/hooks';

/** What one feature area contributes to the core's extension points (services/hooks.ts); each at most once. */
export interface ModuleHooks {
  handoffOutcome?: HandoffOutcomeHook;
  onHandoff?: OnHandoffHook;
  afterHandoff?: AfterHandoffHook;
  onVisitorMessage?: MessageHook;
  onAgentReply?: MessageHook;
  afterVisitorMessage?: AfterVisitorMessageHook;
  onContactCaptured?: ContactCapturedHook;
  onResolved?: ResolvedHook;
  /** Single handlers: two modules giving one is a composition error. */
  sendEmail?: SendEmailHook;
  replyTime?: ReplyTimeHook;
  widgetAvailability?: WidgetAvailabilityHook;
  visitorReach?: VisitorReachHook;
}

/**
 * A feature area as the runtime sees it (inbox, office hours, email, CSAT, knowledge, people, analytics…): the list of them is
 * written once (areas.ts) and given to `createServices`, which composes their hooks in list order.
 */
export interface RuntimeModule {
  readonly name: string;
  readonly hooks?: ModuleHooks;
  /** Per-process state the hooks need (timers, caches), set up once by `createServices`; stop it with `services.onClose`. */
  readonly init?: (services: Services) => void;
  /** Request middleware in front of every route (createApp mounts it after the session is loaded). */
  readonly middleware?: (app: OpenAPIHono<AppEnv>, services: Services) => void;
  /** Mounts the area's HTTP routes (createApp). */
  readonly routes?: (app: OpenAPIHono<AppEnv>, services: Services) => void;
  /** Background workers, started only on instances that run them (EMAIL_WORKER); stop them with `services.onClose`. */
  readonly start?: (services: Services) => void;
}

function single<K extends 'sendEmail' | 'replyTime' | 'widgetAvailability' | 'visitorReach'>(
  modules: readonly RuntimeModule[],
  key: K,
): NonNullable<ModuleHooks[K]> | null {
  const givers = modules.filter((module) => module.hooks?.[key]);
  if (givers.length > 1) throw new Error(`Modules ${givers.map((m) => m.name).join(', ')} all give ${key}`);
  return (givers[0]?.hooks?.[key] ?? null) as NonNullable<ModuleHooks[K]> | null;
}

/** The core's hooks from the modules, in list order, frozen: nothing adds to them afterwards. */
export function composeHooks(modules: readonly RuntimeModule[]): {
  handoffHooks: HandoffHooks;
  conversationHooks: ConversationHooks;
} {
  const names = new Set<string>();
  for (const module of modules) {
    if (names.has(module.name)) throw new Error(`Module ${module.name} is listed twice`);
    names.add(module.name);
  }
  const all = <K extends keyof ModuleHooks>(key: K) =>
    Object.freeze(modules.flatMap((module) => (module.hooks?.[key] ? [module.hooks[key]] : []))) as ReadonlyArray<
      NonNullable<ModuleHooks[K]>
    >;
  return {
    handoffHooks: Object.freeze({
      outcome: all('handoffOutcome'),
      onHandoff: all('onHandoff'),
      afterHandoff: all('afterHandoff'),
    }),
    conversationHooks: Object.freeze({
      onVisitorMessage: all('onVisitorMessage'),
      onAgentReply: all('onAgentReply'),
      afterVisitorMessage: all('afterVisitorMessage'),
      onContactCaptured: all('onContactCaptured'),
      onResolved: all('onResolved'),
      sendEmail: single(modules, 'sendEmail'),
      replyTime: single(modules, 'replyTime'),
      widgetAvailability: single(modules, 'widgetAvailability'),
      visitorReach: single(modules, 'visitorReach'),
    }),
  };
}
