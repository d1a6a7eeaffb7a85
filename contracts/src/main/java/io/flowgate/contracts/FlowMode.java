package io.flowgate.contracts;

/** {@code x-flow-mode}. */
public enum FlowMode {
    SYNC, ASYNC
}
