/**
 * A one-shot status message carried from the task screen to the inbox it navigates back to ("Approved …"). Kept in
 * memory only: a reload or a shared link never shows an old message.
 */
let pending = null;

export function setFlash(message) {
  pending = message;
}

/** The message waiting, without consuming it (React may render twice); `clearFlash` consumes it. */
export function peekFlash() {
  return pending;
}

export function clearFlash() {
  pending = null;
}
