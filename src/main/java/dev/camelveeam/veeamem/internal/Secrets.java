package dev.camelveeam.veeamem.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets of one EM server's connections, and the stand-ins the component works with instead. Requests are built
 * with stand-ins (the Basic authorization, the session token, the session id in a path); {@link SecretGuardingSession}
 * puts the secrets in below HttpClient, as the bytes leave, and swaps the session token of EM's answers for its
 * stand-in as the bytes arrive. So no HttpClient logger, and nothing the component holds or prints, sees a secret.
 * <p>
 * A stand-in has its secret's length, so that it can be swapped in place, and is made of letters and digits, valid in a
 * header and a path. Its n-th character is derived (keyed HMAC, key random per instance) from the secret's first n
 * bytes alone, so that a secret arriving split over several reads still gets the one stand-in it always gets.
 */
public final class Secrets {

    private static final int MAX_ENTRIES = 64;
    private static final byte[] ALPHABET
            = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);
    private static final String HMAC = "HmacSHA256";

    private final ThreadLocal<Mac> macs;
    private final Map<String, byte[]> secretByStandIn = new LinkedHashMap<>(16, 0.75f, true);
    private volatile Entry[] entries = new Entry[0];

    public Secrets() {
        byte[] keyBytes = new byte[32];
        new SecureRandom().nextBytes(keyBytes);
        SecretKeySpec key = new SecretKeySpec(keyBytes, HMAC);
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Mac.getInstance(HMAC);
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(HMAC + " is part of every Java runtime", e);
            }
        });
    }

    /** Registers the secret and returns its stand-in. */
    public String conceal(String secret) {
        byte[] secretBytes = secret.getBytes(StandardCharsets.US_ASCII);
        byte[] standIn = new byte[secretBytes.length];
        for (int i = 0; i < secretBytes.length; i++) {
            standIn[i] = standInByte(secretBytes, i + 1);
        }
        register(secretBytes, standIn);
        return new String(standIn, StandardCharsets.US_ASCII);
    }

    /** Forgets a stand-in whose secret is no longer used (a session that ended). */
    public synchronized void forget(String standIn) {
        if (secretByStandIn.remove(standIn) != null) {
            publish();
        }
    }

    /** The stand-in character for the last of the first {@code length} bytes of a secret. */
    byte standInByte(byte[] secretPrefix, int length) {
        Mac mac = macs.get();
        mac.update(secretPrefix, 0, length);
        return ALPHABET[Math.floorMod(mac.doFinal()[0], ALPHABET.length)];
    }

    /** Registers a secret together with the stand-in it was given byte by byte. */
    synchronized void register(byte[] secret, byte[] standIn) {
        secretByStandIn.put(new String(standIn, StandardCharsets.US_ASCII), secret.clone());
        if (secretByStandIn.size() > MAX_ENTRIES) {
            secretByStandIn.remove(secretByStandIn.keySet().iterator().next());
        }
        publish();
    }

    /** Replaces, in place, every stand-in between the buffer's position and limit by its secret. */
    void reveal(ByteBuffer buffer) {
        Entry[] current = entries;
        int end = buffer.limit();
        for (Entry entry : current) {
            byte[] standIn = entry.standIn;
            for (int at = buffer.position(); at <= end - standIn.length; at++) {
                if (matches(buffer, at, standIn)) {
                    buffer.put(at, entry.secret, 0, entry.secret.length);
                    at += standIn.length - 1;
                }
            }
        }
    }

    private void publish() {
        entries = secretByStandIn.entrySet().stream()
                .map(entry -> new Entry(entry.getKey().getBytes(StandardCharsets.US_ASCII), entry.getValue()))
                .toArray(Entry[]::new);
    }

    private static boolean matches(ByteBuffer buffer, int at, byte[] standIn) {
        for (int i = 0; i < standIn.length; i++) {
            if (buffer.get(at + i) != standIn[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "Secrets[hidden]";
    }

    private record Entry(byte[] standIn, byte[] secret) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Entry entry && Arrays.equals(standIn, entry.standIn);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(standIn);
        }

        @Override
        public String toString() {
            return "Entry[hidden]";
        }
    }
}
