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

    /** Opens the conversations window as it was left (the newest conversation the first time). */
    void openConversations();

    /**
     * Opens the conversations window at the conversation with {@code peer}, with the keyboard in its composer.
     *
     * @param peer a peer's name as the network sent it, or {@code ChatMessage.EVERYONE} for everyone
     */
    void openConversation(String peer);

    void openSettings();

    /** Opens About: who this TrayTalk is, and the code peers compare. */
    void openAbout();

    /** Opens the review of the key change waiting for {@code name} (a name as the network sent it). */
    void reviewKeyChange(String name);

    void toggleDnd();

    void toggleAutostart();

    void quit();
}
