package dev.poolsight.cli;

import picocli.CommandLine.IVersionProvider;

/** The version written into the jar's manifest when it was built. */
final class PoolsightVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = Poolsight.class.getPackage().getImplementationVersion();
        return new String[] {"poolsight " + (version == null ? "(development build)" : version)};
    }
}
