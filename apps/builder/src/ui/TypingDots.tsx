import './typing-dots.css';

/** Three pulsing dots, named for screen readers (for example "Bot is typing"). */
export function TypingDots({ label }: { label: string }) {
  return (
    <>
      <span className="typing-dots" aria-hidden="true">
        <i />
        <i />
        <i />
      </span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}
