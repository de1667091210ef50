package sms.certificates.recall.decision;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * What makes two requests the same request: the tenant and the requester's {@code requestId}. Within a tenant only:
 * another tenant's request with the same id (a careless {@code ""}, or a guessed UUID) is another request and never
 * gets this one's answer. A UUID is compared in its canonical lower-case form, so that {@code "A1…"} and
 * {@code "a1…"} are one request; any other text is kept as received.
 */
public record RequestKey(String tenantId, String requestId) {

    public static RequestKey of(String tenantId, String requestId) {
        String id = requestId == null ? "" : requestId;
        return new RequestKey(tenantId == null ? "" : tenantId, isUuid(id) ? id.toLowerCase(Locale.ROOT) : id);
    }

    /**
     * SHA-256 of the tenant's UTF-8 length (4 bytes, big-endian), the tenant and the request id, all UTF-8: a fixed
     * size key for any text of any length. In SQL: {@code sha256(int4send(octet_length(convert_to(t, 'UTF8'))) ||
     * convert_to(t, 'UTF8') || convert_to(r, 'UTF8'))}.
     */
    public byte[] digest() {
        byte[] tenant = tenantId.getBytes(StandardCharsets.UTF_8);
        byte[] request = requestId.getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ByteBuffer.allocate(Integer.BYTES).putInt(tenant.length).array());
            sha256.update(tenant);
            return sha256.digest(request);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** The 8-4-4-4-12 hexadecimal form only; {@link java.util.UUID#fromString} also takes shorter groups. */
    static boolean isUuid(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
