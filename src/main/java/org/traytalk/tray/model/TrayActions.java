package org.traytalk.tray.model;

import java.util.Optional;

/** What the tray menu and pop-ups ask the application to do; the UI wiring implements it. */
public interface TrayActions {

    /**
     * Opens the compose window.
     *
     * @param to a peer's name as the network sent it, {@code ChatMessage.EVERYONE} for everyone, or empty to choose
     */
    void openCompose(Optional<String> to);

    void openHistory();

    void openSettings();

    void toggleDnd();

    void toggleAutostart();

    void quit();
}
