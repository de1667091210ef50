package sms.certificates.recall.serde;

import org.apache.avro.Schema;

/** One version of a subject, as the registry returns it. */
record RegisteredSchema(String subject, int version, int id, Schema schema) {
}
