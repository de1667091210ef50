/**
 * Operator commands run from the worker's jar ({@code java -jar … submit|follow|replay-dead-letters}), connecting
 * with the worker's own Kafka settings.
 */
package sms.certificates.recall.ops;
