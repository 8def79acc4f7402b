package org.traytalk.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest; "dev" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = TrayTalkCommand.class.getPackage().getImplementationVersion();
        return new String[] {"TrayTalk " + (v == null ? "dev" : v)};
    }
}
