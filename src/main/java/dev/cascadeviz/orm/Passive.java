package dev.cascadeviz.orm;

/**
 * SQLAlchemy's loader flags ({@code attributes.PASSIVE_*}), reduced to what the delete path
 * uses: may a value be loaded with SQL, taken from the identity map, or only read if present.
 */
public enum Passive {
    /** PASSIVE_OFF: load with SQL if needed. */
    OFF(true, true, true),
    /** PASSIVE_NO_FETCH: no SQL; a many-to-one may come from the identity map. */
    NO_FETCH(false, true, true),
    /** PASSIVE_NO_FETCH_RELATED: SQL allowed, but a many-to-one only from the identity map. */
    NO_FETCH_RELATED(true, false, true),
    /** PASSIVE_NO_INITIALIZE: only what is already loaded. */
    NO_INITIALIZE(false, false, false),
    /**
     * PASSIVE_NO_INITIALIZE | INCLUDE_PENDING_MUTATIONS: as NO_INITIALIZE, but the history of a
     * collection that is not loaded reports the changes made to it meanwhile (the flush's saves).
     */
    NO_INITIALIZE_PENDING(false, false, false);

    private final boolean sqlOk;
    private final boolean relatedObjectOk;
    private final boolean callablesOk;

    Passive(boolean sqlOk, boolean relatedObjectOk, boolean callablesOk) {
        this.sqlOk = sqlOk;
        this.relatedObjectOk = relatedObjectOk;
        this.callablesOk = callablesOk;
    }

    public boolean sqlOk() {
        return sqlOk;
    }

    public boolean relatedObjectOk() {
        return relatedObjectOk;
    }

    public boolean callablesOk() {
        return callablesOk;
    }

    /**
     * Whether SQLAlchemy's flag has the {@code SQL_OK} bit. Only PASSIVE_NO_FETCH lacks it:
     * PASSIVE_NO_INITIALIZE is {@code PASSIVE_OFF ^ INIT_OK ^ CALLABLES_OK}, so it keeps SQL_OK
     * (it loads nothing only because it fires no loader callable). {@link #sqlOk()} answers "may
     * this lookup emit SQL"; this answers what {@code get_attribute_history} tests on the bit.
     */
    public boolean hasSqlOkBit() {
        return this != NO_FETCH;
    }
}
