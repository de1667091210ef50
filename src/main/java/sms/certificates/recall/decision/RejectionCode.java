package sms.certificates.recall.decision;

/** The contract's rejection codes, in the order their rules are checked. */
public enum RejectionCode {
    INVALID_REQUEST,
    REASON_REQUIRED,
    REASON_INVALID,
    CONFIRMATION_MISMATCH,
    ALREADY_RECALLED,
    CERTIFICATE_NOT_FOUND,
    CERTIFICATE_MISMATCH,
    NOT_LATEST_ISSUANCE
}
