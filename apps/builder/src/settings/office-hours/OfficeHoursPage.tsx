import { useState } from 'react';
import { useToast } from '../../app/toasts';
import { useTeams } from '../../editor/use-teams';
import { LabelledSelect } from '../../ui/Select';
import { useAsync } from '../../ui/use-async';
import { SettingsFrame } from '../SettingsFrame';
import { type OfficeHoursResponse, settingsApi } from '../settings-api';
import { OfficeHoursForm } from './OfficeHoursForm';

function TeamFollowsWorkspace({ data, onOverride }: { data: OfficeHoursResponse; onOverride: () => void }) {
  return (
    <section className="card settings-section">
      <h2>This team follows the workspace hours</h2>
      <p className="hint">
        {data.preview.description}. Visitors are told we reply in {data.replyTime}.
      </p>
      <button type="button" className="btn btn-primary" onClick={onOverride}>
        Set hours for this team
      </button>
    </section>
  );
}

/** Office hours of the workspace, or a team's own override of them. */
export function OfficeHoursPage() {
  const toast = useToast();
  const teams = useTeams();
  const [teamId, setTeamId] = useState<string | null>(null);
  const [overriding, setOverriding] = useState(false);
  const data = useAsync(() => settingsApi.officeHours(teamId), [teamId]);

  async function followWorkspace(id: string) {
    try {
      await settingsApi.clearTeamOfficeHours(id);
      toast.success('The team follows the workspace hours again.');
      setOverriding(false);
      data.reload();
    } catch (error) {
      toast.error(error);
    }
  }

  const scopeSelect = (
    <LabelledSelect
      className="field oh-scope"
      label="Hours for"
      value={teamId ?? ''}
      empty="Whole workspace"
      options={teams.map((team) => ({ value: team.id, label: `Team: ${team.name}` }))}
      onChange={(chosen) => {
        setTeamId(chosen || null);
        setOverriding(false);
      }}
    />
  );

  return (
    <SettingsFrame
      intro="When people answer chats, what visitors hear about reply times, and what happens outside hours."
      data={data}
      actions={scopeSelect}
    >
      {(value) => {
        const own = value.settings;
        if (teamId && !own && !overriding) {
          return <TeamFollowsWorkspace data={value} onOverride={() => setOverriding(true)} />;
        }
        return (
          <>
            {teamId && own ? (
              <div className="oh-team-note row">
                <p className="hint grow">This team has its own hours, used for handoffs routed to it.</p>
                <button type="button" className="btn btn-sm" onClick={() => followWorkspace(teamId)}>
                  Use workspace hours
                </button>
              </div>
            ) : null}
            <OfficeHoursForm
              key={`${teamId ?? 'workspace'}:${JSON.stringify(own)}`}
              initial={own ?? value.effective}
              teamId={teamId}
              onSaved={data.reload}
            />
            <p className="hint">Visitors are currently told we reply in {value.replyTime}.</p>
          </>
        );
      }}
    </SettingsFrame>
  );
}
