import { WIDGET_CLIENT, WIDGET_CLIENT_HEADER } from '@flowdesk/contract';
import type { Context } from 'hono';
import type { ConversationChannelColumn } from '../../../db/schema';

/** The widget says so in a header; any other client of the public API is channel `api` (analytics only). */
export function publicChannel(c: Context): ConversationChannelColumn {
  return c.req.header(WIDGET_CLIENT_HEADER) === WIDGET_CLIENT ? 'widget' : 'api';
}
