/**
 * In-page toasts that stand in for OS notifications in the browser preview. Styled through the CSSOM
 * because the page's CSP forbids inline style sheets, exactly as in the app.
 */
export interface ToastNotice {
  readonly title: string;
  readonly body: string;
  readonly postId: string | null;
}

const TOAST_LIFETIME_MS = 8000;

function toastRegion(): HTMLElement {
  const existing = document.getElementById('advocate-preview-toasts');
  if (existing) return existing;
  const region = document.createElement('div');
  region.id = 'advocate-preview-toasts';
  region.setAttribute('role', 'region');
  region.setAttribute('aria-label', 'Notifications');
  Object.assign(region.style, {
    position: 'fixed',
    right: '12px',
    bottom: '12px',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    zIndex: '2147483647',
    maxWidth: '320px',
  });
  document.body.append(region);
  return region;
}

export function showToast(notice: ToastNotice, onClick: (postId: string) => void): void {
  const toast = document.createElement('button');
  toast.type = 'button';
  toast.className = 'advocate-preview-toast';
  Object.assign(toast.style, {
    textAlign: 'left',
    font: '13px system-ui, sans-serif',
    padding: '10px 12px',
    borderRadius: '8px',
    border: '1px solid #8884',
    background: '#1f2937',
    color: '#f9fafb',
    boxShadow: '0 4px 16px #0004',
    cursor: 'pointer',
  });
  const title = document.createElement('strong');
  title.textContent = notice.title;
  Object.assign(title.style, { display: 'block', marginBottom: '2px' });
  const body = document.createElement('span');
  body.textContent = notice.body;
  toast.append(title, body);
  const remove = (): void => {
    toast.remove();
  };
  toast.addEventListener('click', () => {
    if (notice.postId) onClick(notice.postId);
    remove();
  });
  toastRegion().append(toast);
  setTimeout(remove, TOAST_LIFETIME_MS);
}
