import type { WidgetSettings } from '@flowdesk/contract';
import type { Bot } from '../db/schema';
import type { Services } from '../services';
import type { WidgetAvailability } from '../services/hooks';
import { DEFAULT_THEME } from './repository';

/** The widget's look and texts for a bot, with whether a person is available right now. */
export async function widgetSettings(services: Services, bot: Bot): Promise<WidgetSettings> {
  const { online, replyTime } = await availability(services, bot.workspace_id);
  return {
    botName: bot.name,
    theme: {
      primaryColor: bot.settings.theme?.primaryColor ?? DEFAULT_THEME.primaryColor,
      position: bot.settings.theme?.position ?? DEFAULT_THEME.position,
    },
    strings: bot.settings.strings ?? {},
    replyTime,
    online,
  };
}

async function availability(services: Services, workspaceId: string): Promise<WidgetAvailability> {
  const hook = services.conversationHooks.widgetAvailability;
  if (hook) {
    try {
      return await hook(services, services.db, workspaceId);
    } catch (error) {
      services.logger.warn({ err: error }, 'widget availability unavailable');
    }
  }
  const row = await services.db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('workspace_id', '=', workspaceId)
    .where('presence', '=', 'online')
    .executeTakeFirstOrThrow();
  return { online: Number(row.count) > 0, replyTime: null };
}
