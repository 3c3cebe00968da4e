import type { ReactNode } from 'react';

/** One email kind: its subject, heading and content; the layout adds preview, footer and unsubscribe link. */
export interface TemplateDef<P> {
  subject: (props: P) => string;
  heading: (props: P) => string;
  /** Why the recipient gets this email (footer). */
  reason: string;
  content: (props: P) => ReactNode;
}

export const defineTemplate = <P>(def: TemplateDef<P>) => def;
