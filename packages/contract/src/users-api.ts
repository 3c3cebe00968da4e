import { z } from 'zod';
import { EmailAddress } from './email-schema';
import { UserRole } from './inbox-workspace';

/** Requests about people's accounts: an admin adding or changing a teammate, anyone changing their own profile. */

/** A web address (http or https only: never javascript:, data: or the like). */
export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** A person's picture: an http(s) URL, or null (or '') to remove it. */
export const AvatarUrlInput = z
  .string()
  .trim()
  .max(2_000)
  .refine((url) => url === '' || isWebUrl(url), 'The avatar must be an http:// or https:// address')
  .transform((url) => url || null)
  .nullable()
  .describe('http(s) URL of the picture; null or "" removes it');

const PersonName = z.string().trim().min(1).max(100);
const Password = z.string().min(8).max(200);

/** POST /api/admin/users: an admin adds a teammate. */
export const UserInput = z.object({
  email: EmailAddress,
  name: PersonName,
  password: Password,
  role: UserRole.default('agent'),
});
export type UserInput = z.input<typeof UserInput>;

/** PATCH /api/admin/users/:id: an admin changes a teammate. */
export const UserPatch = z
  .object({
    name: PersonName.optional(),
    role: UserRole.optional(),
    password: Password.optional(),
    avatarUrl: AvatarUrlInput.optional(),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to change');
export type UserPatch = z.input<typeof UserPatch>;

/** PATCH /api/auth/me: anyone changes their own name or picture. */
export const ProfilePatch = z
  .object({ name: PersonName.optional(), avatarUrl: AvatarUrlInput.optional() })
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, 'Nothing to change');
export type ProfilePatch = z.input<typeof ProfilePatch>;
