import { z } from 'zod';
import { MAX_EMAIL_LENGTH } from './email-address';

/** An email address in a request body: the same rule as `isEmailAddress` (zod's default email pattern). */
export const EmailAddress = z.email().max(MAX_EMAIL_LENGTH);
