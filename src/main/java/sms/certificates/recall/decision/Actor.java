package sms.certificates.recall.decision;

/** A staff user of the SMS; {@code displayName} and {@code role} may be null. */
public record Actor(String userId, String displayName, String role) {
}
