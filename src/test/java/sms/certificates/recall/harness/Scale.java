package sms.certificates.recall.harness;

/**
 * How big a fault scenario runs: {@code -Dfaults.scale=full} (the default: the sizes the issue asks for) or
 * {@code short} (the same scenarios, smaller, for CI).
 */
public enum Scale {
    SHORT,
    FULL;

    public static Scale current() {
        return valueOf(System.getProperty("faults.scale", "full").toUpperCase());
    }

    public int pick(int shortValue, int fullValue) {
        return this == FULL ? fullValue : shortValue;
    }
}
