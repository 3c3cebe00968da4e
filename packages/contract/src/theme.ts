/**
 * The product's one default widget theme: the runtime answers it for bots without their own, the
 * loader draws with it before the bot's settings arrive, the dashboard shows it. No zod here, so the
 * widget loader can import it (`@flowdesk/contract/theme`) without pulling the schemas in.
 */
export const DEFAULT_PRIMARY_COLOR = '#4f46e5';
export const DEFAULT_POSITION = 'right' as const;
