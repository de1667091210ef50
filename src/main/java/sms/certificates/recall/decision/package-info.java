/**
 * The recall decision: the contract's eight rules as plain Java, with no Spring, Kafka, Avro or SQL in it.
 * Start with {@link sms.certificates.recall.decision.RecallRules}.
 */
package sms.certificates.recall.decision;
