/**
 * Says why an action is not offered to this user (a tenant admin before a platform-only action), instead of letting
 * it fail with a 403. Renders nothing without a reason.
 */
export function NotYours({ reason, id }) {
  if (!reason) return null;
  return <span id={id} className="not-yours" role="note">{reason}</span>;
}
