import type { OnboardingChecklist, OnboardingStepId } from '@flowdesk/contract';
import { useEffect, useState } from 'react';
import { api } from '../api/api';
import { onboardingApi } from '../api/onboarding';
import { Link } from '../app/router';
import { useToast } from '../app/toasts';
import { IconButton } from '../ui/IconButton';
import { Icon } from '../ui/icons';
import './checklist.css';

const STEPS: Record<OnboardingStepId, { title: string; hint: string; to?: string }> = {
  build: { title: 'Build a flow', hint: 'Start from a template or a blank canvas and add a few blocks.' },
  preview: { title: 'Try it in the preview', hint: 'Open a flow and chat with it in the Preview tab.' },
  publish: { title: 'Publish it', hint: 'Publish a flow so your bot runs it.' },
  embed: { title: 'Add the chat to your website', hint: 'Copy the embed code onto your pages.', to: '/settings' },
  invite: { title: 'Invite a teammate', hint: 'Agents answer handoffs in the inbox.', to: '/settings/teams' },
};

/**
 * The dashboard's getting-started list: it ticks itself from the workspace's data (the runtime decides) and
 * goes away for everyone once dismissed.
 */
export function FirstRunChecklist() {
  const toast = useToast();
  const [checklist, setChecklist] = useState<OnboardingChecklist | null>(null);
  useEffect(() => {
    let live = true;
    onboardingApi
      .get(api)
      .then((value) => live && setChecklist(value))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  if (!checklist || checklist.dismissed) return null;
  const doneCount = checklist.steps.filter((s) => s.done).length;

  async function dismiss() {
    try {
      setChecklist(await onboardingApi.mark(api, 'dismissed'));
    } catch (error) {
      toast.error(error);
    }
  }

  return (
    <section className="card first-run" aria-label="Getting started">
      <div className="row">
        <h2 className="grow">Getting started</h2>
        <span className="badge" data-testid="checklist-progress">
          {doneCount} of {checklist.steps.length} done
        </span>
        <IconButton icon="close" label="Dismiss the getting started checklist" onClick={dismiss} />
      </div>
      <ol className="first-run-steps">
        {checklist.steps.map((step) => {
          const text = STEPS[step.id];
          return (
            <li key={step.id} className={step.done ? 'done' : undefined} data-step={step.id} data-done={step.done}>
              <span className="first-run-mark" aria-hidden="true">
                {step.done ? <Icon name="check" /> : null}
              </span>
              <span className="first-run-text">
                <strong>{text.to && !step.done ? <Link to={text.to}>{text.title}</Link> : text.title}</strong>
                <span className="visually-hidden">{step.done ? ' (done)' : ' (to do)'}</span>
                <span className="hint">{text.hint}</span>
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
