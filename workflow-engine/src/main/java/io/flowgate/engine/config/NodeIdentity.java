package io.flowgate.engine.config;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who this node is among the nodes sharing a database: its row in {@code cluster_nodes}, the owner of the job locks
 * its job executor takes, and the name it goes by in the logs. Made once per engine, so it is stable for the life
 * of the process and never reused: {@code <host>/<pid>/<8 random hex digits>}, e.g. {@code web-2/4127/9f3c01aa}. The
 * random part keeps a restarted process (same host, possibly the same pid in a container) apart from its
 * predecessor, whose locks must be released, not inherited.
 *
 * @param id   the node id
 * @param host this machine's host name (for people reading the logs)
 * @param pid  this process' id
 */
public record NodeIdentity(String id, String host, long pid) {

    /** Host names are cut to this so that the id fits Camunda's lock owner column with room to spare. */
    private static final int MAX_HOST_LENGTH = 120;

    public NodeIdentity {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(host, "host");
        if (id.isBlank() || id.length() > 200) {
            throw new IllegalArgumentException("a node id has 1 to 200 characters, was '" + id + "'");
        }
    }

    /** A new identity for an engine of this process. */
    public static NodeIdentity create() {
        String host = hostName();
        long pid = ProcessHandle.current().pid();
        byte[] random = new byte[4];
        ThreadLocalRandom.current().nextBytes(random);
        return new NodeIdentity(host + "/" + pid + "/" + HexFormat.of().formatHex(random), host, pid);
    }

    private static String hostName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host.length() > MAX_HOST_LENGTH ? host.substring(0, MAX_HOST_LENGTH) : host;
    }

    @Override
    public String toString() {
        return id;
    }
}
