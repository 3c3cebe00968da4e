import { aiSettingsModule } from './ai-settings/module';
import { analyticsModule } from './analytics/module';
import { auditModule } from './audit/module';
import { botsModule } from './bots/module';
import { csatModule } from './csat/module';
import { emailModule } from './email/module';
import { flowsModule } from './flows/module';
import { inboxModule } from './inbox/module';
import { knowledgeModule } from './knowledge/module';
import type { RuntimeModule } from './modules';
import { officeHoursModule } from './office-hours/module';
import { onboardingModule } from './onboarding/module';
import { peopleModule } from './people/module';

/**
 * The feature areas this runtime runs, the one place that lists them. Their hooks run in this order, and
 * it matters: the inbox first, so its routing has set the team and assignee before email's "needs
 * attention" alert in the same handoff; email's transcript goes before the CSAT rating email on resolve;
 * office hours' contact-form follow-up (a handoff) comes before email notes the visitor prefers email.
 * The areas after knowledge add routes (and the audit its middleware) but no hooks.
 */
export const RUNTIME_MODULES: readonly RuntimeModule[] = [
  inboxModule,
  officeHoursModule,
  emailModule,
  csatModule,
  knowledgeModule,
  peopleModule,
  botsModule,
  flowsModule,
  aiSettingsModule,
  auditModule,
  onboardingModule,
  analyticsModule,
];
