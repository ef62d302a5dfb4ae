package dev.cascadeviz.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest ({@code Implementation-Version}), or "development" when run from classes. */
final class Versions implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return new String[] {"CascadeViz " + (v == null ? "development" : v)};
    }
}
