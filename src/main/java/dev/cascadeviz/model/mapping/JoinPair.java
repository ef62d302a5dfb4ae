package dev.cascadeviz.model.mapping;

import dev.cascadeviz.model.QualifiedColumn;

/**
 * One {@code referenced == foreign} equality of a join condition, in SQLAlchemy's order
 * (referenced column on the left). It is also a synchronize pair: the foreign column takes
 * the referenced column's value.
 */
public record JoinPair(QualifiedColumn referenced, QualifiedColumn foreign) {
}
