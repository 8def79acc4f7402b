package org.traytalk.model;

/**
 * What TrayTalk does with peers it cannot verify: those running the original program, reached over its mailslot or
 * NetBIOS carriers, whose messages anyone on the network could have sent under their name.
 */
public enum UnverifiedPolicy {
    /** Shown and answered like any peer, marked "not verified". */
    ALLOW,
    /** As ALLOW, and every pop-up of theirs says that anyone could have sent it. */
    WARN,
    /** Ignored: not listed, not shown, not confirmed. */
    REFUSE
}
