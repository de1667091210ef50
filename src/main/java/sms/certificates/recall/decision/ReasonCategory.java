package sms.certificates.recall.decision;

public enum ReasonCategory {
    ISSUED_IN_ERROR,
    INELIGIBLE_STUDENT,
    COMPLIANCE_UPDATE,
    REGULATOR_DIRECTED,
    OTHER
}
