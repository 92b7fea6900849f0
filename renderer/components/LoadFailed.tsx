/** What a view shows when main could not answer: its message, and a way to ask again. */
export function LoadFailed({ what, message, onRetry }: { what: string; message: string; onRetry: () => void }) {
  return (
    <div className="empty" role="alert">
      <p>
        {what} could not be loaded: {message}
      </p>
      <button type="button" className="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}
