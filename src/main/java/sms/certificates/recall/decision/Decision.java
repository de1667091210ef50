package sms.certificates.recall.decision;

/** What the worker does with one request: answer it for the first time, or give again the answer it already had. */
public sealed interface Decision permits Outcome, Decision.Repeat {

    RecallRequest request();

    /** The request was answered before (in an earlier batch, or earlier in this one): publish that answer again. */
    record Repeat(RecallRequest request) implements Decision {
    }
}
