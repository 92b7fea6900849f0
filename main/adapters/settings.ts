/** The person's settings, kept by electron-store in the main process only. */
import Store from 'electron-store';

export interface Settings {
  feedUrls: string[];
  endpointUrl: string | null;
}

export function openSettings(): Store<Settings> {
  return new Store<Settings>({
    name: 'settings',
    defaults: { feedUrls: [], endpointUrl: null },
    schema: {
      feedUrls: { type: 'array', items: { type: 'string', format: 'uri' } },
      endpointUrl: { type: ['string', 'null'], format: 'uri' },
    },
  });
}
