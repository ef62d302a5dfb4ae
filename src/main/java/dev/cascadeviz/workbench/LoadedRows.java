package dev.cascadeviz.workbench;

import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;

/**
 * The rows a trace's SELECTs loaded into the session, as the executor recorded them for each
 * statement (a trace's {@code rows}). A trace without those counts (e.g. one read from a file
 * written by another tool) has no figure: the SQL is not re-read to guess one.
 */
public final class LoadedRows {

    private LoadedRows() {
    }

    /** Rows loaded by all SELECTs together; -1 when a SELECT has no recorded count. */
    public static int total(Trace trace) {
        int total = 0;
        for (TraceStatement s : trace.statements()) {
            if (s.isSelect()) {
                if (s.rowsReturned() < 0) {
                    return -1;
                }
                total += s.rowsReturned();
            }
        }
        return total;
    }
}
