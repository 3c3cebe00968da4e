import type { VisitorConversation } from '@flowdesk/contract';
import type { Kysely } from 'kysely';
import { createAiProvider } from '../ai';
import type { AiProvider } from '../ai/provider';
import { AiSettingsRegistry } from '../ai-settings/registry';
import type { Config } from '../config';
import type { DatabaseHandle } from '../db/database';
import type { Conversation, Database } from '../db/schema';
import { composeHooks, type RuntimeModule } from '../modules';
import { RealtimeHub } from '../realtime/hub';
import { toVisitorConversation, visibleAgent } from '../repositories/conversations';
import { BackgroundTasks } from './background';
import { ConversationService } from './conversation-service';
import { DatabaseRateLimitStore } from './database-rate-limit-store';
import { EffectRunner } from './effect-runner';
import { FlowCache } from './flow-cache';
import type { ConversationHooks, HandoffHooks } from './hooks';
import type { Logger } from './logger';
import { PublicRateLimits } from './public-rate-limits';
import type { RateLimitStore } from './rate-limit-store';
import { cacheReplyTime } from './reply-time-cache';

/** Everything routes and workers need, built once per process by `createServices`. */
export interface Services {
  config: Config;
  database: DatabaseHandle;
  db: Kysely<Database>;
  logger: Logger;
  /** Realtime fan-out (bridged across instances on PostgreSQL). Publish only committed data. */
  hub: RealtimeHub;
  /** The server's provider (OPENAI_API_KEY… or offline): used by workspaces that saved no AI settings. */
  ai: AiProvider;
  /** Each workspace's AI settings and provider, from the dashboard; applied without a restart. */
  aiSettings: AiSettingsRegistry;
  /** The provider for one workspace's AI calls (its saved settings, else `ai`). */
  aiFor(workspaceId: string): AiProvider;
  flows: FlowCache;
  conversations: ConversationService;
  /** Runs flow calls that leave the process (HTTP blocks, AI) with no database connection held. */
  effects: EffectRunner;
  /** The feature areas this process runs, in the order their hooks run (areas.ts lists them). */
  readonly modules: readonly RuntimeModule[];
  /** Composed once from `modules`; read-only. */
  readonly handoffHooks: HandoffHooks;
  readonly conversationHooks: ConversationHooks;
  background: BackgroundTasks;
  /** Public widget API budgets (per address, per visitor, new visitors). */
  readonly publicLimits: PublicRateLimits;
  /** Every other budget (sign-in, password resets, invite links, AI preview): Redis with REDIS_URL, else the
   * database, so instances share one budget per client. */
  readonly limits: RateLimitStore;
  /** What the conversation's visitor may see of it (status, agent, reply time, awaited input). */
  visitorView(conversation: Conversation): Promise<VisitorConversation>;
  /** Run in reverse order on shutdown (workers, listeners); add yours with `onClose`. */
  onClose(close: () => Promise<void> | void): void;
  close(): Promise<void>;
}

/** Where the rate-limit budgets count (server.ts picks Redis when REDIS_URL is set); by default this process and the database. */
export interface LimitStores {
  publicLimits: PublicRateLimits;
  limits: RateLimitStore;
}

/** `modules`: the feature areas (areas.ts `RUNTIME_MODULES`); their hooks are fixed from here on. */
export function createServices(
  config: Config,
  database: DatabaseHandle,
  logger: Logger,
  modules: readonly RuntimeModule[],
  stores?: LimitStores,
): Services {
  const closers: Array<() => Promise<void> | void> = [];
  // Views by conversation snapshot: a write publishes the view of its final row and the route that made
  // the write answers with the same one, so each snapshot is read once.
  const views = new WeakMap<Conversation, Promise<VisitorConversation>>();
  const { handoffHooks, conversationHooks } = composeHooks(modules);
  const replyTimeHook = conversationHooks.replyTime;
  const replyTimeOf = replyTimeHook
    ? cacheReplyTime((scope) => replyTimeHook(services, services.db, scope))
    : () => Promise.resolve(null);
  const readView = async (conversation: Conversation) => {
    const agent = await visibleAgent(services.db, conversation);
    let replyTime: string | null = null;
    try {
      replyTime = await replyTimeOf(conversation);
    } catch (error) {
      logger.warn({ err: error }, 'reply time unavailable');
    }
    return toVisitorConversation(conversation, agent, replyTime);
  };
  const aiLogger = {
    info: (entry: Record<string, unknown>) => logger.info(entry, 'ai call'),
    warn: (entry: Record<string, unknown>) => logger.warn(entry, 'ai call failed'),
  };
  const serverAi = createAiProvider(
    {
      apiKey: config.OPENAI_API_KEY,
      baseUrl: config.OPENAI_BASE_URL,
      model: config.OPENAI_MODEL,
      timeoutMs: config.AI_TIMEOUT_MS,
    },
    aiLogger,
  );
  const aiSettings = new AiSettingsRegistry(database.db, config, serverAi, aiLogger);
  const services: Services = {
    config,
    database,
    db: database.db,
    logger,
    hub: new RealtimeHub((error) => logger.error({ err: error }, 'realtime delivery failed')),
    ai: serverAi,
    aiSettings,
    aiFor: (workspaceId) => aiSettings.providerFor(workspaceId),
    flows: new FlowCache(),
    // The conversation service and the effect runner use each other and the rest of these services, so each
    // gets them lazily (called only after this object exists), never a placeholder filled in later.
    conversations: new ConversationService(() => services),
    effects: new EffectRunner(() => services, config.EFFECTS_MAX_IN_FLIGHT, config.EFFECT_LEASE_MS),
    modules,
    handoffHooks,
    conversationHooks,
    background: new BackgroundTasks(logger),
    publicLimits: stores?.publicLimits ?? new PublicRateLimits(config),
    limits: stores?.limits ?? new DatabaseRateLimitStore(database.db),
    visitorView: (conversation) => {
      const known = views.get(conversation);
      if (known) return known;
      const view = readView(conversation);
      views.set(conversation, view);
      view.catch(() => views.delete(conversation));
      return view;
    },
    onClose: (close) => {
      closers.push(close);
    },
    close: async () => {
      await services.background.idle();
      for (const close of closers.reverse()) await close();
      await services.hub.close();
    },
  };
  closers.push(() => services.effects.close());
  for (const module of modules) module.init?.(services);
  return services;
}
