import { CSAT_DEFAULT, type CsatSetting } from '@flowdesk/contract';

const OPTIONS: Array<{ value: CsatSetting; label: string }> = [
  { value: 'stars', label: '1–5 stars' },
  { value: 'thumbs', label: 'Thumbs up or down' },
  { value: 'off', label: 'Do not ask' },
];

export const csatSettingOf = (settings: { csat?: CsatSetting }): CsatSetting => settings.csat ?? CSAT_DEFAULT;

/** The bot setting: after a resolution the chat asks the visitor to rate it (or not). */
export function CsatSettingField({ value, onChange }: { value: CsatSetting; onChange: (value: CsatSetting) => void }) {
  return (
    <label className="field">
      <span>After a conversation is resolved, ask the visitor to rate it</span>
      <select value={value} onChange={(e) => onChange(e.target.value as CsatSetting)}>
        {OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
