/** People: invites by email, forgotten passwords, changing one's own password (issue 20 item 6). */
export { inviteRoutes } from './admin-routes';
export { passwordRoutes } from './auth-routes';
