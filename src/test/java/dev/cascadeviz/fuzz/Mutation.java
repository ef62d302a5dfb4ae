package dev.cascadeviz.fuzz;

/** A mutant file's bytes and what was done to the original, for the failure message. */
record Mutation(byte[] bytes, String description) {
}
