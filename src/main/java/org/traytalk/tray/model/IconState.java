package org.traytalk.tray.model;

/**
 * What the tray icon shows. When several apply, the first in this order wins:
 * ERROR (no network or an unresolved problem: nothing may be getting through; or a key change waiting for review:
 * someone may be posing as a peer), DND (a mode the user chose and must
 * not forget), UNREAD, NORMAL. The unread count stays in the tooltip whatever the icon.
 */
public enum IconState {
    ERROR, DND, UNREAD, NORMAL
}
