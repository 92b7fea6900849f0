/**
 * Renders a piece of the window against a fake API, as main.tsx does with the real one (rerender keeps the provider).
 */
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { AdvocateProvider } from '../../renderer/advocate-context.tsx';
import type { FakeApi } from './fake-api.ts';

export const renderWith = (api: FakeApi, ui: ReactNode) =>
  render(ui, {
    wrapper: ({ children }: { children: ReactNode }) => <AdvocateProvider api={api}>{children}</AdvocateProvider>,
  });
