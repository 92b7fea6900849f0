import { useState } from 'react';
import type { ArchiveFormat } from '../../common/archive.ts';
import { plural } from '../../common/plural.ts';
import type { SettingsView } from '../../common/settings.ts';
import { useAdvocate } from '../advocate-context.tsx';
import { Card } from '../components/Card.tsx';
import { FormError } from '../components/FormError.tsx';
import { messageOf } from '../errors.ts';
import { whatIsSent } from '../text/what-is-sent.ts';

/** The record of the person's shares kept on this desktop, its export, and what leaves the desktop. */
export function ArchiveSection({ settings }: { settings: SettingsView }) {
  const api = useAdvocate();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { archiveDays, archiveToEndpoint, endpointUrl } = settings.values;

  const exportAs = async (format: ArchiveFormat): Promise<void> => {
    setBusy(true);
    setDone(null);
    setError(null);
    try {
      const exported = await api.exportArchive(format);
      setDone(`Saved ${plural(exported.shares, 'share')} to ${exported.file}.`);
    } catch (reason) {
      setError(messageOf(reason));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card id="archive-title" title="Your shares’ record">
      <p className="note">
        Each share you mark keeps its message, network, time and link on this computer for {plural(archiveDays, 'day')},
        as your organisation asks.
      </p>
      <p className="note">{whatIsSent({ endpoint: endpointUrl !== null, archiveToEndpoint })}</p>
      <div className="actions">
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => void exportAs('csv')}>
          Export as CSV
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={() => void exportAs('json')}
        >
          Export as JSON
        </button>
      </div>
      <p className="status-line" role="status">
        {done}
      </p>
      <FormError lead="The record could not be exported" message={error} />
    </Card>
  );
}
