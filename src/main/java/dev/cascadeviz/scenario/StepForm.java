package dev.cascadeviz.scenario;

import dev.cascadeviz.model.Step;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of one kind of step: its fields in order, the words that join them on one line, and
 * an example. A new kind of step is one more entry here, a case in {@link StepNotation#fields}
 * and its check in {@link StepsReader}.
 *
 * @param fields the field names, as a file's mapping writes them ({@code item}, {@code from})
 * @param separators the word written before each field after the first ({@code from}, {@code =})
 * @param required how many leading fields must be given
 * @param scalarWhenAlone a file writes the step as {@code kind: first-field} when only the first field is given
 */
record StepForm(String kind, List<String> fields, List<String> separators, int required, boolean scalarWhenAlone,
                String example) {

    private static final Map<String, StepForm> FORMS = new LinkedHashMap<>();

    static {
        add(new StepForm("get", List.of("ref", "as"), List.of("as"), 1, true, "get Artist(1)  (or get Artist(1) as a1)"));
        add(new StepForm("load", List.of("attr"), List.of(), 1, true, "load Artist(1).songs"));
        add(new StepForm("delete", List.of("object"), List.of(), 1, true, "delete Artist(1)"));
        add(new StepForm("remove", List.of("item", "from"), List.of("from"), 2, false, "remove Song(2) from Artist(1).songs"));
        add(new StepForm("set", List.of("attr", "value"), List.of("="), 2, false, "set Song(2).artist = Artist(3)  (or = None)"));
        add(new StepForm("expunge", List.of("object"), List.of(), 1, true, "expunge Artist(1)"));
        add(new StepForm("new", List.of("class", "values", "as"), List.of("with", "as"), 1, false,
                "new Order with {note: 'rush'} as o1"));
        add(new StepForm("add", List.of("object"), List.of(), 1, true, "add o1"));
        add(new StepForm("append", List.of("item", "to"), List.of("to"), 2, false, "append i1 to o1.items"));
        add(new StepForm("merge", List.of("object", "as"), List.of("as"), 1, true, "merge m1 as m2"));
        add(new StepForm("refresh", List.of("object"), List.of(), 1, true, "refresh Order(1)"));
        add(new StepForm("expire", List.of("object"), List.of(), 1, true, "expire Order(1)"));
        add(new StepForm("expire_all", List.of(), List.of(), 0, false, "expire_all"));
        add(new StepForm("close", List.of(), List.of(), 0, false, "close"));
        add(new StepForm("flush", List.of(), List.of(), 0, false, "flush"));
        add(new StepForm("commit", List.of(), List.of(), 0, false, "commit"));
        add(new StepForm("rollback", List.of(), List.of(), 0, false, "rollback"));
    }

    StepForm {
        fields = List.copyOf(fields);
        separators = List.copyOf(separators);
        if (separators.size() != Math.max(0, fields.size() - 1)) {
            throw new IllegalArgumentException("one separator between each two fields of " + kind);
        }
    }

    private static void add(StepForm form) {
        FORMS.put(form.kind(), form);
    }

    /** The form of a kind, or null for an unknown kind. */
    static StepForm named(String kind) {
        return FORMS.get(kind);
    }

    static List<String> kinds() {
        return new ArrayList<>(FORMS.keySet());
    }

    /** Whether the kind takes nothing: {@code flush}, {@code commit}, {@code rollback}, {@code expire_all}, {@code close}. */
    boolean isBare() {
        return fields.isEmpty();
    }

    /** The kind of each step record. */
    private static final Map<Class<? extends Step>, String> KIND_OF = Map.ofEntries(Map.entry(Step.Get.class, "get"),
            Map.entry(Step.Load.class, "load"), Map.entry(Step.Delete.class, "delete"),
            Map.entry(Step.Remove.class, "remove"), Map.entry(Step.Set.class, "set"),
            Map.entry(Step.Expunge.class, "expunge"), Map.entry(Step.Flush.class, "flush"),
            Map.entry(Step.Commit.class, "commit"), Map.entry(Step.Rollback.class, "rollback"),
            Map.entry(Step.New.class, "new"), Map.entry(Step.Add.class, "add"), Map.entry(Step.Append.class, "append"),
            Map.entry(Step.SetColumn.class, "set"), Map.entry(Step.Merge.class, "merge"),
            Map.entry(Step.Refresh.class, "refresh"), Map.entry(Step.Expire.class, "expire"),
            Map.entry(Step.ExpireAll.class, "expire_all"), Map.entry(Step.Close.class, "close"));

    static StepForm of(Step step) {
        return FORMS.get(KIND_OF.get(step.getClass()));
    }
}
