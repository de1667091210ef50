package sms.certificates.recall.decision;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What makes two requests the same request: the requester's {@code requestId}. A UUID is compared in its canonical
 * lower-case form, so that {@code "A1…"} and {@code "a1…"} are one request; any other text is kept as received.
 */
public record RequestKey(String value) {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public static RequestKey of(String requestId) {
        String id = requestId == null ? "" : requestId;
        return new RequestKey(isUuid(id) ? id.toLowerCase(Locale.ROOT) : id);
    }

    /** The 8-4-4-4-12 hexadecimal form only; {@link java.util.UUID#fromString} also takes shorter groups. */
    static boolean isUuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches();
    }
}
