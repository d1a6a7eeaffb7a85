package io.flowgate.contracts.internal.template;

/** A template is not well-formed or names an unknown source; the message is the finding's reason. */
public final class TemplateError extends RuntimeException {

    public TemplateError(String message) {
        super(message);
    }
}
