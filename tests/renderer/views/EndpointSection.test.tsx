/** Settings' endpoint form: "Saved" never stands beside a failure, and a refused code is said once. */
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ENROLLMENT_CODE_SHAPE_TEXT, enrollmentProblemText } from '../../../common/messages.ts';
import type { SyncStatus } from '../../../common/sharing.ts';
import { EndpointSection } from '../../../renderer/settings/EndpointSection.tsx';
import { fakeApi, settingsView, type FakeOptions } from '../fake-api.ts';
import { renderWith } from '../render.tsx';

afterEach(cleanup);

function show(sync: SyncStatus, options: FakeOptions = {}) {
  const api = fakeApi([], options);
  renderWith(api, <EndpointSection settings={settingsView()} sync={sync} now={new Date()} />);
  fireEvent.change(screen.getByRole('textbox', { name: 'Enrollment code' }), { target: { value: 'hello' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  return api;
}

describe('EndpointSection', () => {
  it('shows main\'s refusal of a code of the wrong shape alone, with no "Saved"', async () => {
    // Tried: "hello", which main refuses before saving. Must hold: the catalogue's words, once, and no "Saved ✓".
    show({ state: 'no-endpoint' }, { refuseSettings: ENROLLMENT_CODE_SHAPE_TEXT });
    expect((await screen.findByRole('alert')).textContent).toBe(ENROLLMENT_CODE_SHAPE_TEXT);
    expect(screen.queryByText('Saved ✓')).toBeNull();
  });

  it('shows no "Saved" while the endpoint refuses the code, only what to do about it', async () => {
    const api = show({ state: 'needs-enrollment', problem: 'code-refused', pending: 1 });
    await waitFor(() => {
      expect(api.settingsUpdates).toHaveLength(1);
    });
    const card = screen.getByRole('region', { name: 'Counting shares' });
    expect(within(card).getByText(enrollmentProblemText('code-refused', 1))).toBeTruthy();
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Save' })).toHaveProperty('disabled', false);
    });
    expect(screen.queryByText('Saved ✓')).toBeNull();
  });

  it('says "Saved" when the code is taken and nothing is wrong', async () => {
    show({ state: 'ok', pending: 0, lastSyncAt: null });
    expect(await screen.findByText('Saved ✓')).toBeTruthy();
  });
});
