package io.flowgate.connectors.notify;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code flowgate.notify.*} ({@code FLOWGATE_NOTIFY_*}), checked once by {@link #validate()}. */
@ConfigurationProperties("flowgate.notify")
public class NotifySettings {

    /** Bytes of the {@code data} input, as JSON, that one notification may carry. */
    public static final int DEFAULT_MAX_DATA_SIZE = 64 * 1024;

    private int maxDataSize = DEFAULT_MAX_DATA_SIZE;

    public NotifySettings validate() {
        if (maxDataSize < 0 || maxDataSize > 1024 * 1024) {
            throw new IllegalArgumentException("flowgate.notify.max-data-size (FLOWGATE_NOTIFY_MAX_DATA_SIZE) must be "
                    + "between 0 and 1048576 bytes, was " + maxDataSize);
        }
        return this;
    }

    public int getMaxDataSize() {
        return maxDataSize;
    }

    public void setMaxDataSize(int maxDataSize) {
        this.maxDataSize = maxDataSize;
    }
}
