import { useState } from 'react';
import { LabelledSelect } from '../../ui/Select';
import { SubmitButton } from '../../ui/SubmitButton';
import { useSave } from '../../ui/use-submit';
import { type OfficeHoursSettings, REPLY_BUCKETS, type Schedule, settingsApi } from '../settings-api';
import { HolidaysEditor } from './HolidaysEditor';
import { LivePreview } from './LivePreview';
import { browserTimeZone, defaultSchedule, timeZoneOptions } from './schedule-draft';
import { WeeklyEditor } from './WeeklyEditor';

function ScheduleSection({ schedule, onChange }: { schedule: Schedule; onChange: (s: Schedule) => void }) {
  return (
    <>
      <LabelledSelect
        label="Time zone"
        value={schedule.timezone}
        options={timeZoneOptions(schedule.timezone).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
        onChange={(timezone) => onChange({ ...schedule, timezone })}
      />
      <WeeklyEditor schedule={schedule} onChange={onChange} />
      <h3>Holidays</h3>
      <HolidaysEditor schedule={schedule} onChange={onChange} />
    </>
  );
}

function ReplyTimeSection({
  value,
  onChange,
}: {
  value: OfficeHoursSettings['replyTime'];
  onChange: (v: OfficeHoursSettings['replyTime']) => void;
}) {
  const bucket = value.mode === 'manual' ? value.bucket : value.fallback;
  return (
    <fieldset className="oh-fieldset">
      <legend>Reply time shown to visitors</legend>
      <label className="checkbox">
        <input
          type="radio"
          name="reply-mode"
          checked={value.mode === 'auto'}
          onChange={() => onChange({ mode: 'auto', fallback: bucket })}
        />
        Automatic, from the last week's first replies
      </label>
      <label className="checkbox">
        <input
          type="radio"
          name="reply-mode"
          checked={value.mode === 'manual'}
          onChange={() => onChange({ mode: 'manual', bucket })}
        />
        Always the same words
      </label>
      <LabelledSelect
        label={value.mode === 'auto' ? 'Until there is data, say' : 'We usually reply in'}
        value={bucket}
        options={REPLY_BUCKETS.map((b) => ({ value: b, label: b }))}
        onChange={(b) =>
          onChange(value.mode === 'auto' ? { mode: 'auto', fallback: b } : { mode: 'manual', bucket: b })
        }
      />
    </fieldset>
  );
}

/** Edits one scope's settings (workspace or a team) and saves them with PUT. */
export function OfficeHoursForm({
  initial,
  teamId,
  onSaved,
}: {
  initial: OfficeHoursSettings;
  teamId: string | null;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState(initial);
  const set = (patch: Partial<OfficeHoursSettings>) => setDraft((d) => ({ ...d, ...patch }));

  const { busy, save } = useSave(async () => {
    await settingsApi.saveOfficeHours(teamId, draft);
    onSaved();
  }, 'Office hours saved.');

  return (
    <form className="oh-layout" onSubmit={save} aria-label="Office hours">
      <section className="card settings-section">
        <div className="row">
          <h2 className="grow">Opening hours</h2>
          <LivePreview schedule={draft.schedule} />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={draft.schedule === null}
            onChange={(e) => set({ schedule: e.target.checked ? null : defaultSchedule(browserTimeZone()) })}
          />
          Always open (no schedule)
        </label>
        {draft.schedule ? (
          <ScheduleSection schedule={draft.schedule} onChange={(schedule) => set({ schedule })} />
        ) : null}
      </section>
      <section className="card settings-section">
        <h2>When nobody can answer</h2>
        <ReplyTimeSection value={draft.replyTime} onChange={(replyTime) => set({ replyTime })} />
        <fieldset className="oh-fieldset">
          <legend>The Human handoff block takes its offline path</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.offlineWhen.outsideHours}
              onChange={(e) => set({ offlineWhen: { ...draft.offlineWhen, outsideHours: e.target.checked } })}
            />
            Outside office hours
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.offlineWhen.noAgentOnline}
              onChange={(e) => set({ offlineWhen: { ...draft.offlineWhen, noAgentOnline: e.target.checked } })}
            />
            When no agent is online
          </label>
        </fieldset>
        <SubmitButton busy={busy} label="Save office hours" busyLabel="Saving…" />
      </section>
    </form>
  );
}
