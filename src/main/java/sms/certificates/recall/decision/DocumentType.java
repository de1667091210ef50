package sms.certificates.recall.decision;

public enum DocumentType {
    CERTIFICATE,
    STATEMENT_OF_ATTAINMENT
}
