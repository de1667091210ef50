package sms.certificates.recall.intake;

/** The listener on the request topic: {@link BatchIntake} or {@link RecordIntake}, as {@code recall.intake.mode}. */
abstract class Intake {

    static final String LISTENER_ID = "recall-intake";

    protected final RequestHandler handler;
    private final String topic;

    Intake(RequestHandler handler, String topic) {
        this.handler = handler;
        this.topic = topic;
    }

    /** The topic listened to, for the listener annotation ({@code #{__listener.topic}}). */
    public String getTopic() {
        return topic;
    }
}
