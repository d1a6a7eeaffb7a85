package io.flowgate.contracts.validation;

import io.flowgate.contracts.ContractException;

import java.util.List;

/** The request body's content type is not one the operation declares: 415. */
public final class UnsupportedMediaType extends ContractException {

    private final List<String> supported;

    public UnsupportedMediaType(String given, List<String> supported) {
        super("content type '" + given + "' is not accepted here; use one of " + supported);
        this.supported = List.copyOf(supported);
    }

    public List<String> supported() {
        return supported;
    }

    @Override
    public String code() {
        return "unsupported-media-type";
    }
}
