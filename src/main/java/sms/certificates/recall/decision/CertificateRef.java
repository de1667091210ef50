package sms.certificates.recall.decision;

/** A document as one tenant names it: certificate ids are only ever looked up within a tenant. */
public record CertificateRef(String tenantId, String certificateId) {
}
