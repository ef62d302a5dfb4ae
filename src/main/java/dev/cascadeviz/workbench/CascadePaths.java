package dev.cascadeviz.workbench;

import dev.cascadeviz.trace.Cause;
import dev.cascadeviz.trace.Trace;
import dev.cascadeviz.trace.TraceStatement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The relationships a cascade travelled along to cause the statement being stepped through, as
 * its recorded cause names them ({@code Order.items} for an item saved by save-update along it,
 * loaded or inserted by merge along it, loaded again after refresh-expire expired it along it; the
 * relationships session.refresh()'s cascade expired before its SELECT), for marking those edges
 * in the graph.
 */
public final class CascadePaths {

    private CascadePaths() {
    }

    /** {@code Class.attr} of each relationship whose cascade caused statement {@code step} (1-based); empty outside step-through. */
    public static Set<String> travelled(Trace trace, int step) {
        if (trace == null || step <= 0 || step > trace.statements().size()) {
            return Set.of();
        }
        return travelled(trace.statements().get(step - 1));
    }

    static Set<String> travelled(TraceStatement statement) {
        Cause why = statement.why();
        if (why == null) {
            return Set.of();
        }
        Set<String> along = new LinkedHashSet<>(why.travelled());
        if (why.relationship() != null && "cascade".equals(why.setting())) {
            along.add(why.relationship());
        }
        return along;
    }
}
