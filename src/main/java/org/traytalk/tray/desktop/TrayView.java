package org.traytalk.tray.desktop;

import org.traytalk.tray.model.IconState;
import org.traytalk.tray.model.MenuModel;

/**
 * Where the tray state is shown: the system tray icon and its menu, or the small window TrayTalk opens when this
 * desktop has no tray. Called on the event dispatch thread.
 */
interface TrayView extends AutoCloseable {

    /** Shows this icon, tooltip and menu; called again after every change. */
    void show(IconState state, String tooltip, MenuModel menu);

    /** What kind of tray this is, for the log, e.g. "Swing system tray". */
    String describe();

    @Override
    void close();
}
