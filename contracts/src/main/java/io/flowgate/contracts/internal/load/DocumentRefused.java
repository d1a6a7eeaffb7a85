package io.flowgate.contracts.internal.load;

/** The document's text could not be read safely; the message is the finding's reason. */
public final class DocumentRefused extends RuntimeException {

    public DocumentRefused(String reason) {
        super(reason);
    }
}
