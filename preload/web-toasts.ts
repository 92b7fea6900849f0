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

/** At most this share of the page goes to toasts; more of them scroll within their strip. */
const MAX_STRIP_SHARE = 0.4;

/**
 * Toasts stand where the OS shows notifications: outside the window. While any is shown, the window
 * (the page's body) ends above their strip and scrolls on its own, so no toast ever covers a control;
 * with none, the page is back to the window alone, at the same scroll position.
 */
function fitWindowAbove(strip: HTMLElement): void {
  const body = document.body;
  const height = strip.isConnected && strip.childElementCount > 0 ? strip.getBoundingClientRect().height : 0;
  const fitted = body.style.height !== '';
  if (height > 0) {
    const scrolled = fitted ? body.scrollTop : window.scrollY;
    // The root must not scroll, or the body's overflow would pass to the page and the body would not scroll.
    document.documentElement.style.overflow = 'hidden';
    Object.assign(body.style, { height: `calc(100vh - ${String(Math.ceil(height))}px)`, overflowY: 'auto' });
    body.scrollTop = scrolled;
  } else if (fitted) {
    const scrolled = body.scrollTop;
    body.style.removeProperty('height');
    body.style.removeProperty('overflow-y');
    document.documentElement.style.removeProperty('overflow');
    window.scrollTo(0, scrolled);
  }
}

function toastRegion(): HTMLElement {
  const existing = document.getElementById('advocate-preview-toasts');
  if (existing) return existing;
  const region = document.createElement('div');
  region.id = 'advocate-preview-toasts';
  region.setAttribute('role', 'region');
  // Named apart from the window's own Notifications settings: the OS's notifications are not the window's.
  region.setAttribute('aria-label', 'Desktop notifications (preview)');
  Object.assign(region.style, {
    position: 'fixed',
    left: '0',
    right: '0',
    bottom: '0',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-end',
    gap: '8px',
    padding: '8px 12px',
    boxSizing: 'border-box',
    maxHeight: `${String(MAX_STRIP_SHARE * 100)}vh`,
    overflowY: 'auto',
    background: '#11182766',
    zIndex: '2147483647',
  });
  document.body.append(region);
  // Toasts come and go, wrap at another width, or the whole strip is taken away (tests do): refit each time.
  new ResizeObserver(() => {
    fitWindowAbove(region);
  }).observe(region);
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
    maxWidth: '320px',
    flexShrink: '0',
  });
  const title = document.createElement('strong');
  title.textContent = notice.title;
  Object.assign(title.style, { display: 'block', marginBottom: '2px' });
  const body = document.createElement('span');
  body.textContent = notice.body;
  toast.append(title, body);
  const remove = (): void => {
    const region = toast.parentElement;
    toast.remove();
    if (region?.childElementCount !== 0) return;
    region.remove();
    fitWindowAbove(region);
  };
  toast.addEventListener('click', () => {
    if (notice.postId) onClick(notice.postId);
    remove();
  });
  toastRegion().append(toast);
  setTimeout(remove, TOAST_LIFETIME_MS);
}
