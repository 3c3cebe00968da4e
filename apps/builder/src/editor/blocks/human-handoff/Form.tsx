import type { HumanHandoffData } from '@flowdesk/flow-schema';
import { labelledOptions } from '../../../ui/Select';
import { useEditor } from '../../editor-context';
import { NumberField, SelectField, TemplateField } from '../fields';
import { type BlockFormProps, bindSettings } from '../form-props';
import { PRIORITY_LABELS } from './priority';

type Priority = keyof typeof PRIORITY_LABELS;
const PRIORITIES = labelledOptions(PRIORITY_LABELS);
const ANY_TEAM = '';
const OFFLINE_WHEN = labelledOptions<NonNullable<HumanHandoffData['offlineWhen']>>({
  both: 'Outside office hours or no agent online',
  outside_hours: 'Only outside office hours',
  no_agents_online: 'Only when no agent is online',
});

export function HumanHandoffForm({ block, update }: BlockFormProps<'human_handoff'>) {
  const { teams } = useEditor();
  const data = block.data;
  const set = (patch: Partial<HumanHandoffData>, field: string) => update({ ...data, ...patch }, field);
  const setting = bindSettings(data, update);
  const priority = data.priority ?? { mode: 'auto' };
  const teamOptions = [
    { value: ANY_TEAM, label: 'Any team (all agents)' },
    ...teams.map((t) => ({ value: t.id, label: t.name })),
    ...(data.teamId && !teams.some((t) => t.id === data.teamId)
      ? [{ value: data.teamId, label: `Team ${data.teamId}` }]
      : []),
  ];
  return (
    <>
      <p className="hint">
        Flags the conversation <strong>Needs agent intervention</strong>, pauses the bot and alerts your team. When
        nobody can take it, the “Offline” output is followed.
      </p>
      <SelectField
        label="Priority"
        value={priority.mode === 'auto' ? 'auto' : priority.value}
        options={[
          { value: 'auto', label: 'AI decides from the conversation' },
          ...PRIORITIES.map((p) => ({ ...p, label: `Always ${p.label}` })),
        ]}
        onChange={(value) =>
          set(
            { priority: value === 'auto' ? { mode: 'auto' } : { mode: 'fixed', value: value as Priority } },
            'priority',
          )
        }
      />
      <SelectField
        label="Team"
        value={data.teamId ?? ANY_TEAM}
        options={teamOptions}
        onChange={(teamId) => set({ teamId: teamId || null }, 'teamId')}
      />
      <TemplateField label="Message to the visitor" {...setting('confirmationMessage', '')} />
      <fieldset className="fieldset">
        <legend>When nobody is available</legend>
        <SelectField label="Treat as offline" {...setting('offlineWhen', 'both')} options={OFFLINE_WHEN} />
        <TemplateField
          label="Offline message"
          {...setting('offlineMessage', '')}
          hint="Then the flow continues on the “Offline” output — e.g. ask for an email."
        />
        <NumberField
          label="Minutes without an agent reply before “No agent replied in time” (empty: wait forever)"
          min={1}
          max={10080}
          value={data.noAgentTimeoutMinutes ?? undefined}
          onChange={(minutes) => set({ noAgentTimeoutMinutes: minutes ?? null }, 'noAgentTimeoutMinutes')}
        />
      </fieldset>
    </>
  );
}
