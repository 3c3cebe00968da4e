import { Icon, type IconName } from './icons';

/** A ghost button showing only an icon; `label` is what screen readers say and the tooltip shows. */
export function IconButton(props: {
  icon: IconName;
  label: string;
  title?: string;
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
      title={props.title ?? props.label}
    >
      <Icon name={props.icon} />
    </button>
  );
}
