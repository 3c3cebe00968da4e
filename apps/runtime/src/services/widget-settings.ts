import type { WidgetSettings } from '@flowdesk/contract';
import type { Bot } from '../db/schema';
import { DEFAULT_THEME } from '../repositories/bots';
import type { Services } from '.';

/** The widget's look and texts for a bot, with whether a person is available right now. */
export async function widgetSettings(services: Services, bot: Bot): Promise<WidgetSettings> {
  const online = await services.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspace_id', '=', bot.workspace_id)
    .where('presence', '=', 'online')
    .executeTakeFirstOrThrow();
  let replyTime: string | null = null;
  try {
    replyTime =
      (await services.conversationHooks.replyTime?.(services.db, { workspace_id: bot.workspace_id, team_id: null })) ??
      null;
  } catch (error) {
    services.logger.warn({ err: error }, 'reply time unavailable');
  }
  return {
    botName: bot.name,
    theme: {
      primaryColor: bot.settings.theme?.primaryColor ?? DEFAULT_THEME.primaryColor,
      position: bot.settings.theme?.position ?? DEFAULT_THEME.position,
    },
    strings: bot.settings.strings ?? {},
    replyTime,
    online: Number(online.count) > 0,
  };
}
