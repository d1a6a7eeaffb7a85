package io.flowgate.connectors.payments;

/** How a cancellation ended; in every case the customer is not charged (or no longer is). */
public enum CancelStatus {
    /**
     * Nothing was captured and nothing will be: the provider had not seen the charge and now refuses its key, or it
     * was authorized or pending and has been voided before capture.
     */
    VOIDED,
    /** The charge had been captured; it is now refunded in full (by this cancellation or earlier ones). */
    REFUNDED,
    /** The charge had been declined or had failed: no money was taken, nothing to undo. */
    NOT_CHARGED
}
