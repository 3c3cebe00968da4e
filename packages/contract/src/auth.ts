import { z } from 'zod';
import { Presence, UserRole } from './inbox-workspace';

/** The signed-in person (GET/PATCH /api/auth/me, sign-in, accepted invite, finished reset). */
export const SessionUser = z.object({
  id: z.string(),
  workspaceId: z.string(),
  email: z.string(),
  name: z.string(),
  role: UserRole,
  avatarUrl: z.string().nullable(),
  presence: Presence,
});
export type SessionUser = z.infer<typeof SessionUser>;
export const SessionUserAnswer = z.object({ user: SessionUser });

export const LoginRequest = z.object({
  email: z.string().trim().min(3).max(320),
  password: z.string().min(1).max(500),
});
export type LoginRequest = z.infer<typeof LoginRequest>;
