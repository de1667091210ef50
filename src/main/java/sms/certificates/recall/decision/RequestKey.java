package sms.certificates.recall.decision;

import java.util.Locale;

/**
 * What makes two requests the same request: the requester's {@code requestId}. A UUID is compared in its canonical
 * lower-case form, so that {@code "A1…"} and {@code "a1…"} are one request; any other text is kept as received.
 */
public record RequestKey(String value) {

    public static RequestKey of(String requestId) {
        String id = requestId == null ? "" : requestId;
        return new RequestKey(isUuid(id) ? id.toLowerCase(Locale.ROOT) : id);
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
