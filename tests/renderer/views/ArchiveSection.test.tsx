/**
 * Settings' record of shares: how long it is kept (policy ArchiveDays), the export as CSV or JSON with
 * where the file went, main's refusal in its words, and what leaves the desktop (message texts only
 * where policy ArchiveToEndpoint is on).
 */
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ArchiveSection } from '../../../renderer/settings/ArchiveSection.tsx';
import { fakeApi, settingsView, type FakeApi } from '../fake-api.ts';
import { renderWith } from '../render.tsx';

afterEach(cleanup);

function show(values: Parameters<typeof settingsView>[1] = {}, api: FakeApi = fakeApi([])) {
  renderWith(api, <ArchiveSection settings={settingsView({}, values)} />);
  return api;
}

describe('the record of shares in Settings', () => {
  it('says how long shares are kept, and exports CSV then JSON, saying where each file went', async () => {
    const api = show({ archiveDays: 730 });
    expect(screen.getByText(/on this computer for 730 days, as your organisation asks/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Export as CSV' }));
    await screen.findByText('Saved 3 shares to /home/ada/Downloads/advocate-archive-2026-11-25.csv.');
    fireEvent.click(screen.getByRole('button', { name: 'Export as JSON' }));
    await screen.findByText('Saved 3 shares to /home/ada/Downloads/advocate-archive-2026-11-25.json.');
    expect(api.exports).toEqual(['csv', 'json']);
  });

  it('shows main’s refusal in its words, and the buttons stay usable to try again', async () => {
    show({}, fakeApi([], { refuseExport: 'Advocate could not write the file.' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export as CSV' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'The record could not be exported: Advocate could not write the file.',
    );
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Export as CSV' }).disabled).toBe(false);
  });

  it('says message texts are never sent to the endpoint when ArchiveToEndpoint is off (the default)', () => {
    show({ endpointUrl: 'https://advocate.example.com/' });
    expect(
      screen.getByText(/which post you shared, on which network and when\. Your messages’ texts are never sent\./),
    ).toBeTruthy();
  });

  it('says the texts go to the endpoint’s compliance archive when ArchiveToEndpoint is on', () => {
    show({ endpointUrl: 'https://advocate.example.com/', archiveToEndpoint: true });
    expect(screen.getByText(/for its compliance archive, the text of each message you mark shared\./)).toBeTruthy();
    expect(screen.queryByText(/never sent/)).toBeNull();
  });

  it('says nothing leaves the computer without an endpoint', () => {
    show({ endpointUrl: null, archiveToEndpoint: true });
    expect(screen.getByText('Nothing leaves this computer: no endpoint is set.')).toBeTruthy();
  });
});
