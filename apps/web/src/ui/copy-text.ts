/**
 * Copies `text` to the clipboard and shows `copiedText` in `status` for two
 * seconds. Without clipboard permission it selects `fallback`'s contents
 * instead, so the user can copy them by hand.
 */
export async function copyText(
  text: string,
  status: HTMLElement,
  copiedText: string,
  fallback: Node,
): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = copiedText;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(fallback);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
  }
  setTimeout(() => {
    status.textContent = '';
  }, 2000);
}
