package dev.cascadeviz.editing;

import dev.cascadeviz.model.ObjectRef;
import dev.cascadeviz.model.Step;
import java.lang.reflect.RecordComponent;
import java.util.function.UnaryOperator;

/**
 * The objects and attributes a step names, read off its record components, so that every kind of
 * step (today's and those added later) is followed when a class is renamed or deleted.
 */
final class StepRefs {

    private StepRefs() {
    }

    /** True when the step names an object of the class. */
    static boolean mentions(Step step, String className) {
        if (!step.getClass().isRecord()) {
            return false;
        }
        for (RecordComponent c : step.getClass().getRecordComponents()) {
            Object v = value(step, c);
            if (v instanceof ObjectRef r && r.className().equals(className)) {
                return true;
            }
        }
        return false;
    }

    /** True when the step names the attribute on an object of the class. */
    static boolean mentionsAttribute(Step step, String className, String attribute) {
        if (!step.getClass().isRecord()) {
            return false;
        }
        boolean attr = false;
        for (RecordComponent c : step.getClass().getRecordComponents()) {
            if (c.getName().equals("attribute") && attribute.equals(value(step, c))) {
                attr = true;
            }
        }
        return attr && mentions(step, className);
    }

    /** The step with every object reference passed through {@code change}. */
    static Step mapRefs(Step step, UnaryOperator<ObjectRef> change) {
        if (!step.getClass().isRecord()) {
            return step;
        }
        RecordComponent[] cs = step.getClass().getRecordComponents();
        Object[] args = new Object[cs.length];
        Class<?>[] types = new Class<?>[cs.length];
        boolean changed = false;
        for (int i = 0; i < cs.length; i++) {
            Object v = value(step, cs[i]);
            types[i] = cs[i].getType();
            if (v instanceof ObjectRef r) {
                ObjectRef n = change.apply(r);
                changed |= !n.equals(r);
                v = n;
            }
            args[i] = v;
        }
        if (!changed) {
            return step;
        }
        try {
            var ctor = step.getClass().getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return (Step) ctor.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rewrite step " + step, e);
        }
    }

    private static Object value(Step step, RecordComponent c) {
        try {
            var m = c.getAccessor();
            m.setAccessible(true);
            return m.invoke(step);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
