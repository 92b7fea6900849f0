/** A failure said right where it happened, announced to screen readers; nothing when there is none. */
export function FormError({ message, lead }: { message: string | null | undefined; lead?: string }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {lead && `${lead}: `}
      {message}
    </p>
  );
}
