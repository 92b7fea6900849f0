/**
 * Copying a message. The app's session grants exactly this permission to its own page
 * (main/adapters/window-security.ts); the preview runs on localhost, a secure context, so it works there too.
 */
export async function copyText(text: string): Promise<void> {
  if (!('clipboard' in navigator)) throw new Error('this window cannot reach the clipboard');
  await navigator.clipboard.writeText(text);
}
