import { OnboardingChecklist, type OnboardingMark } from '@flowdesk/contract';
import type { ApiClient } from './client';

const base = '/api/admin/onboarding';

/** The first-run checklist (runtime src/onboarding): read it, or record a mark / dismiss it. */
export const onboardingApi = {
  get: (api: ApiClient) => api.get(base, OnboardingChecklist),
  mark: (api: ApiClient, mark: OnboardingMark) => api.post(`${base}/marks`, OnboardingChecklist, { mark }),
};

/** Records a mark without bothering the person when it fails (the checklist is a nicety, not the task). */
export function recordOnboardingMark(api: ApiClient, mark: OnboardingMark): void {
  onboardingApi.mark(api, mark).catch(() => undefined);
}
