import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { AdvocateApi } from '../common/ipc/contract.ts';
import { AdvocateProvider } from './advocate-context.tsx';
import { App } from './App.tsx';
import './styles/base.css';
import './styles/layout.css';
import './styles/posts.css';
import './styles/results.css';
import './styles/settings.css';
import './styles/guide.css';

declare global {
  interface Window {
    /** Exposed by the preload (the app) or the preview bridge (a browser). */
    readonly advocate: AdvocateApi;
  }
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html lost its #root element');
createRoot(container).render(
  <StrictMode>
    <AdvocateProvider api={window.advocate}>
      <App />
    </AdvocateProvider>
  </StrictMode>,
);
