package dev.cascadeviz.orm;

/** The thread running a simulation was interrupted: the run stops between two statements. */
final class RunCancelledException extends RuntimeException {

    public RunCancelledException() {
        super("the run was cancelled");
    }
}
