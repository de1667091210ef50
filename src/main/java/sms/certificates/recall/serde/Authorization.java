package sms.certificates.recall.serde;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code Authorization} header sent to the schema registry. Its {@code toString} hides the secret. */
record Authorization(String scheme, String credentials) {

    static Authorization basic(String userInfo) {
        return new Authorization("Basic", Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)));
    }

    static Authorization bearer(String token) {
        return new Authorization("Bearer", token);
    }

    String headerValue() {
        return scheme + " " + credentials;
    }

    @Override
    public String toString() {
        return "Authorization[" + scheme + " ****]";
    }
}
