/** Why a setting cannot be changed here ("set by your organisation"), tied to its control by id. */
export function LockNote({ id, reason }: { id: string; reason: string | undefined }) {
  if (reason === undefined) return null;
  return (
    <p id={id} className="lock-note">
      {/* Drawn, not an emoji: every platform has it, whatever its fonts. */}
      <svg className="lock-note__icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
      </svg>
      {reason.charAt(0).toUpperCase() + reason.slice(1)}
    </p>
  );
}
