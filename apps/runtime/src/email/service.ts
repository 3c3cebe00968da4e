import type { Config } from '../config';
import { visitorStaleMs } from '../realtime/visitor-presence';
import type { Services } from '../services';
import type { EmailContext } from './compose';
import { scanSlaEscalations, scanUnseenMessages } from './scans';
import { createLocalMailboxSender } from './senders/local-mailbox';
import { createResendSender } from './senders/resend';
import type { EmailSender } from './senders/sender';
import { createEmailWorker, type EmailWorker } from './worker';
import { type EmailLoop, startEmailLoop } from './worker-loop';

export const publicUrlOf = (config: Pick<Config, 'PUBLIC_URL' | 'PORT'>) =>
  (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/+$/, '');

/** Resend with RESEND_API_KEY, else the local mailbox in the database (the embedded default). */
export function createEmailSender(services: Pick<Services, 'config' | 'db'>): EmailSender {
  const { config } = services;
  if (config.RESEND_API_KEY) {
    return createResendSender({ apiKey: config.RESEND_API_KEY, baseUrl: config.RESEND_BASE_URL });
  }
  return createLocalMailboxSender(services.db);
}

/** Runs `task` at most once per `everyMs`. */
function throttled(everyMs: number, task: () => Promise<unknown>) {
  let last = 0;
  return async () => {
    if (Date.now() - last < everyMs) return;
    last = Date.now();
    await task();
  };
}

/** Per process: wakes the outbox worker so an email queued outside a conversation goes at once (after its commit). */
const kicks = new WeakMap<Services, () => void>();
export const kickEmailWorker = (services: Services) => kicks.get(services)?.();

export interface EmailService {
  sender: EmailSender;
  worker: EmailWorker;
  loop: EmailLoop;
  /** The context every notify and queue function takes. */
  context(): EmailContext;
}

/**
 * Starts the outbox worker and the unseen/SLA scans for this process and stops them on `services.close()`.
 * Several instances may run it: claims use SKIP LOCKED and every email has its idempotency key.
 */
export function startEmailService(
  services: Services,
  options: { intervalMs?: number; scanEveryMs?: number } = {},
): EmailService {
  const { db, logger } = services;
  const sender = createEmailSender(services);
  const context = (): EmailContext => ({ publicUrl: publicUrlOf(services.config), now: new Date() });
  const onError = (err: unknown) => logger.warn({ err }, 'email worker pass failed');
  const worker = createEmailWorker({
    db,
    sender,
    from: services.config.EMAIL_FROM,
    visitorStaleMs: visitorStaleMs(services.config.WS_HEARTBEAT_MS),
  });
  const scanEveryMs = options.scanEveryMs ?? 30_000;
  const loop = startEmailLoop(worker, {
    intervalMs: options.intervalMs,
    tasks: [
      throttled(scanEveryMs, () => scanUnseenMessages(db, context())),
      throttled(scanEveryMs, () => scanSlaEscalations(db, context())),
    ],
    onError,
  });
  services.onClose(() => loop.stop());
  kicks.set(services, () => loop.kick());
  logger.info({ sender: sender.name }, 'email outbox worker started');
  return { sender, worker, loop, context };
}
