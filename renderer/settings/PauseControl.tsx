import { useRef, useState } from 'react';
import type { NotificationPause, PauseRequest } from '../../common/settings.ts';
import { useAdvocate } from '../advocate-context.tsx';
import { messageOf } from '../errors.ts';
import { isPaused, pauseText } from '../text/pause-text.ts';
import { FormError } from '../components/FormError.tsx';

/**
 * Pausing notifications for a while, as the tray menu does (both act on main's one pause, and each
 * follows the other through `notificationPauseChanged`): the state in words, then the choices.
 */
export function PauseControl({ pause, now }: { pause: NotificationPause; now: Date }) {
  const api = useAdvocate();
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const pauseHour = useRef<HTMLButtonElement>(null);
  const paused = isPaused(pause, now);

  const ask = async (request: PauseRequest): Promise<void> => {
    // Not disabled while busy: a disabled button drops the keyboard focus.
    if (busy.current) return;
    busy.current = true;
    setError(null);
    try {
      await api.pauseNotifications(request);
      // Resume goes away once notifications are on: keep the focus in the same place for the keyboard.
      if (request === 'resume') pauseHour.current?.focus();
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      busy.current = false;
    }
  };

  return (
    <div className="pause">
      <p className={paused ? 'pause__state pause__state--paused' : 'pause__state'} role="status">
        {pauseText(pause, now)}
      </p>
      <div className="actions">
        <button ref={pauseHour} type="button" className="button button--secondary" onClick={() => void ask('hour')}>
          Pause 1 hour
        </button>
        <button type="button" className="button button--secondary" onClick={() => void ask('tomorrow')}>
          Pause until tomorrow
        </button>
        {paused && (
          <button type="button" className="button" onClick={() => void ask('resume')}>
            Resume
          </button>
        )}
      </div>
      <FormError message={error} />
    </div>
  );
}
