import { Icon, type IconName } from './icons';

/**
 * A ghost button showing only an icon; `label` is what screen readers say. The tooltip is `title`, else the label
 * with the keyboard `shortcut` in brackets, if any: "Undo (Ctrl+Z)".
 */
export function IconButton(props: {
  icon: IconName;
  label: string;
  title?: string;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      className="btn btn-ghost btn-icon"
      onClick={props.onClick}
      disabled={props.disabled}
      aria-label={props.label}
      title={props.title ?? (props.shortcut ? `${props.label} (${props.shortcut})` : props.label)}
    >
      <Icon name={props.icon} />
    </button>
  );
}
