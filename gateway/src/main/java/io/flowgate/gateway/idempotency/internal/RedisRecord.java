package io.flowgate.gateway.idempotency.internal;

import io.flowgate.gateway.idempotency.StoredResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One key's value in Redis, binary so bodies stay byte for byte: version, state, fingerprint, lock deadline, the
 * holding node (version 2; empty in version 1 records) and, once done, status, headers and body.
 */
record RedisRecord(boolean running, String fingerprint, long lockedUntil, StoredResponse response, String holder) {

    private static final int VERSION = 2;

    static RedisRecord running(String fingerprint, long lockedUntil, String holder) {
        return new RedisRecord(true, fingerprint, lockedUntil, null, holder);
    }

    RedisRecord done(StoredResponse stored) {
        return new RedisRecord(false, fingerprint, 0, stored, "");
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeBoolean(running);
            out.writeUTF(fingerprint);
            out.writeLong(lockedUntil);
            out.writeUTF(holder);
            if (!running) {
                out.writeShort(response.status());
                out.writeShort(response.headers().size());
                for (Map.Entry<String, String> header : response.headers().entrySet()) {
                    out.writeUTF(header.getKey());
                    out.writeUTF(header.getValue());
                }
                out.writeInt(response.body().length);
                out.write(response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static RedisRecord decode(byte[] value) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            int version = in.readUnsignedByte();
            if (version != 1 && version != VERSION) {
                throw new IllegalStateException("unknown idempotency record version " + version);
            }
            boolean running = in.readBoolean();
            String fingerprint = in.readUTF();
            long lockedUntil = in.readLong();
            String holder = version == 1 ? "" : in.readUTF();
            if (running) {
                return running(fingerprint, lockedUntil, holder);
            }
            int status = in.readUnsignedShort();
            int count = in.readUnsignedShort();
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                headers.put(in.readUTF(), in.readUTF());
            }
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            return new RedisRecord(false, fingerprint, lockedUntil, new StoredResponse(status, headers, body), holder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
