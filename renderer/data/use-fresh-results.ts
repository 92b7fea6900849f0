/**
 * Asks main to check the figures with the endpoint when they may be shown: when the window is opened
 * (it becomes visible) and when the Results view is. Main checks only what is older than a minute
 * (RESULTS_FRESH_MS), so asking often costs nothing.
 */
import { useEffect } from 'react';
import { useAdvocate } from '../advocate-context.tsx';

export function useFreshResults(resultsShown: boolean): void {
  const api = useAdvocate();
  useEffect(() => {
    const check = (): void => {
      if (document.visibilityState === 'visible')
        api.refreshResults('if-stale').catch(() => {
          // The figures stay as they are; the status says how old they are.
        });
    };
    check();
    document.addEventListener('visibilitychange', check);
    return () => {
      document.removeEventListener('visibilitychange', check);
    };
  }, [api]);
  useEffect(() => {
    if (resultsShown)
      api.refreshResults('if-stale').catch(() => {
        // As above.
      });
  }, [api, resultsShown]);
}
