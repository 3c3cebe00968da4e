import { z } from 'zod';

/** The inbox's workspace data: teammates, teams, saved replies, presence (and their admin routes). */

export const Presence = z.enum(['online', 'away', 'offline']);
export type Presence = z.infer<typeof Presence>;
export const UserRole = z.enum(['admin', 'agent']);

export const Teammate = z.object({
  id: z.string(),
  workspaceId: z.string().optional(),
  name: z.string(),
  email: z.string(),
  role: UserRole,
  presence: Presence,
  avatarUrl: z.string().nullable(),
});
export type Teammate = z.infer<typeof Teammate>;
export const TeammatesAnswer = z.object({ users: z.array(Teammate) });
export const TeammateAnswer = z.object({ user: Teammate });

export const Team = z.object({
  id: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  memberIds: z.array(z.string()),
});
export type Team = z.infer<typeof Team>;
export const TeamsAnswer = z.object({ teams: z.array(Team) });
export const TeamAnswer = z.object({ team: Team });

export const TeamInput = z.object({
  name: z.string().trim().min(1).max(100),
  memberIds: z.array(z.string().max(100)).max(500).default([]),
  /** Handoffs without a team of their own go to the default team. */
  isDefault: z.boolean().default(false),
});
export type TeamInput = z.input<typeof TeamInput>;
export const TeamPatch = z.object({
  name: TeamInput.shape.name.optional(),
  memberIds: TeamInput.shape.memberIds.unwrap().optional(),
  isDefault: z.boolean().optional(),
});
export type TeamPatch = z.input<typeof TeamPatch>;

export const CannedInput = z.object({
  shortcut: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[\w-]+$/, 'letters, digits, - and _ only'),
  title: z.string().trim().min(1).max(120),
  text: z.string().trim().min(1).max(5000),
});
export type CannedInput = z.input<typeof CannedInput>;
export const CannedPatch = CannedInput.partial();
export type CannedPatch = z.input<typeof CannedPatch>;

export const CannedResponse = z.object({
  id: z.string(),
  shortcut: z.string(),
  title: z.string(),
  text: z.string(),
  updatedAt: z.string().optional(),
});
export type CannedResponse = z.infer<typeof CannedResponse>;
export const CannedResponsesAnswer = z.object({ cannedResponses: z.array(CannedResponse) });
export const CannedResponseAnswer = z.object({ cannedResponse: CannedResponse });

export const PresenceInput = z.object({ status: Presence });
export const PresenceAnswer = PresenceInput;
