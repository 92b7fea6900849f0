/** Why a setting cannot be changed here ("set by your organisation"), tied to its control by id. */
export function LockNote({ id, reason }: { id: string; reason: string | undefined }) {
  if (reason === undefined) return null;
  return (
    <p id={id} className="lock-note">
      <span aria-hidden="true">🔒 </span>
      {reason.charAt(0).toUpperCase() + reason.slice(1)}
    </p>
  );
}
