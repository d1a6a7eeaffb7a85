package io.flowgate.connectors.payments;

/**
 * A charge to cancel, named by the idempotency key it was (or would be) made with — the only name a charge whose
 * answer never arrived has.
 *
 * @param chargeKey the charge's idempotency key
 * @param reason    why, kept in the provider's books; may be null
 */
public record CancelRequest(String chargeKey, String reason) {

    public CancelRequest {
        if (chargeKey == null || chargeKey.isBlank() || chargeKey.length() > 255) {
            throw new IllegalArgumentException("chargeKey must be 1 to 255 characters");
        }
        if (reason != null && (reason.isBlank() || reason.length() > 200)) {
            throw new IllegalArgumentException("reason must be null or 1 to 200 characters");
        }
    }
}
