package sms.certificates.recall.ops;

/** Ends a command with a message for its user and an exit status. */
class CommandException extends RuntimeException {

    static final int BAD_ARGUMENTS = 2;
    static final int UNAVAILABLE = 3;

    private final int exitStatus;

    CommandException(int exitStatus, String message) {
        super(message);
        this.exitStatus = exitStatus;
    }

    static CommandException badArguments(String message) {
        return new CommandException(BAD_ARGUMENTS, message);
    }

    static CommandException unavailable(String message) {
        return new CommandException(UNAVAILABLE, message);
    }

    int exitStatus() {
        return exitStatus;
    }
}
