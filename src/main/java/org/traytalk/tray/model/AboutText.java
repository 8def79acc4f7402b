package org.traytalk.tray.model;

import org.traytalk.model.Fingerprint;

/**
 * What About says: who this TrayTalk is and the code its peers compare when TrayTalk tells them its key changed.
 *
 * @param title       the window's title
 * @param who         e.g. "You are ALICE"
 * @param code        this installation's fingerprint, or a dash when it has none
 * @param explanation what the code is for, in plain words
 * @param version     e.g. "TrayTalk 0.1.0"
 */
public record AboutText(String title, String who, String code, String explanation, String version) {

    /** @param version the jar's version, null when run from classes */
    public static AboutText of(String localName, Fingerprint fingerprint, String version) {
        return new AboutText("About TrayTalk", "You are " + PlainText.label(localName),
                fingerprint == null ? "\u2014" : fingerprint.code(),
                "Compare this code with what your peers see. When TrayTalk tells one of them that your key changed"
                        + " (after a reinstall, or on another computer), they will ask you for it; the code of someone"
                        + " posing as you would differ.",
                "TrayTalk " + (version == null ? "dev" : version));
    }
}
