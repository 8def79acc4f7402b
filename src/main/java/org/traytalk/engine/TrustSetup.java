package org.traytalk.engine;

import org.traytalk.secure.GroupSecrets;
import org.traytalk.trust.Identity;

/**
 * What the engine needs to speak for this installation on TrayTalk's carriers.
 *
 * @param identity   this installation's long-term keys
 * @param group      the keys every member of the group derives (from the organisation passphrase, if one is set)
 * @param instanceId random per process start, never 0; announcements carry it, so peers see a restart
 */
public record TrustSetup(Identity identity, GroupSecrets group, long instanceId) {
}
