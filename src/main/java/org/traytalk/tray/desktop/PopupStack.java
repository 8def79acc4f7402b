package org.traytalk.tray.desktop;

import java.awt.GraphicsEnvironment;
import java.awt.Image;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.traytalk.tray.model.Alert;
import org.traytalk.tray.model.AlertQueue;

/**
 * Keeps one {@link PopupWindow} per visible alert, stacked upwards from the bottom-right corner of the screen
 * (above the taskbar), newest at the bottom next to the tray.
 */
final class PopupStack {
    private static final Logger LOG = LoggerFactory.getLogger(PopupStack.class);
    private static final int MARGIN = 12;
    private static final int GAP = 8;

    private final AlertQueue alerts;
    private final Consumer<Alert> open;
    private final Consumer<Alert> replied;
    private final BooleanSupplier sound;
    private final BooleanSupplier shown;
    private final Supplier<Image> icon;
    private final ZoneId zone;
    private final Map<Long, PopupWindow> windows = new LinkedHashMap<>();

    /**
     * @param open    "Open" was clicked: show the conversation
     * @param replied a quick reply went from this pop-up: what it shows counts as read (the pop-up stays)
     * @param shown   whether TrayTalk's pop-ups are wanted now (the notifications setting)
     * @param icon    the pop-ups' icon, asked for before the first pop-up is made (Swing may get ready then)
     */
    PopupStack(AlertQueue alerts, Consumer<Alert> open, Consumer<Alert> replied, BooleanSupplier sound,
               BooleanSupplier shown, Supplier<Image> icon, ZoneId zone) {
        this.alerts = alerts;
        this.open = open;
        this.replied = replied;
        this.sound = sound;
        this.shown = shown;
        this.icon = icon;
        this.zone = zone;
    }

    AutoCloseable attach() {
        return alerts.onChange(this::refresh);
    }

    /** Brings the windows in line with the queue: new ones appear, gone ones close, changed ones update. */
    void refresh() {
        List<Alert> visible = shown.getAsBoolean() ? alerts.visible() : List.of();
        List<Long> ids = visible.stream().map(Alert::id).toList();
        for (Long id : new ArrayList<>(windows.keySet())) {
            if (!ids.contains(id)) {
                windows.remove(id).close();
                LOG.info("Pop-up {} closed", id);
            }
        }
        boolean arrived = false;
        for (Alert a : visible) {
            PopupWindow w = windows.get(a.id());
            if (w == null) {
                windows.put(a.id(), new PopupWindow(a, callbacks(), zone, icon.get()));
                LOG.info("Pop-up {} shown: {}", a.id(), a.title());
                arrived = true;
            } else if (!w.alert().equals(a)) {
                w.update(a);
                a.reply().ifPresent(r -> LOG.info("Pop-up {} reply: {}", a.id(), r.status()));
            }
        }
        layout(ids);
        if (arrived && sound.getAsBoolean()) {
            Toolkit.getDefaultToolkit().beep();
        }
    }

    private void layout(List<Long> order) {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        int bottom = screen.y + screen.height - MARGIN;
        // newest at the bottom, nearest the tray; older ones move up
        for (int i = order.size() - 1; i >= 0; i--) {
            PopupWindow w = windows.get(order.get(i));
            w.dialog().setSize(PopupWindow.WIDTH, w.dialog().getPreferredSize().height);
            int height = w.dialog().getHeight();
            w.dialog().setLocation(screen.x + screen.width - PopupWindow.WIDTH - MARGIN, bottom - height);
            bottom -= height + GAP;
            if (!w.dialog().isVisible()) {
                w.dialog().setVisible(true);
            }
        }
    }

    private PopupWindow.Callbacks callbacks() {
        return new PopupWindow.Callbacks() {
            @Override
            public void reply(long alertId, String text) {
                alerts.visible().stream().filter(a -> a.id() == alertId).findFirst().ifPresent(replied);
                alerts.reply(alertId, text);
            }

            @Override
            public void open(Alert alert) {
                open.accept(alert);
            }

            @Override
            public void dismiss(long alertId) {
                alerts.dismiss(alertId);
            }

            @Override
            public void hover(long alertId, boolean inside) {
                if (inside) {
                    alerts.hoverStarted(alertId);
                } else {
                    alerts.hoverEnded(alertId);
                }
            }

            @Override
            public void resized() {
                layout(alerts.visible().stream().map(Alert::id).toList());
            }
        };
    }

    /** The pop-up windows now showing, oldest first; for tests. */
    List<PopupWindow> windows() {
        return List.copyOf(windows.values());
    }

    void closeAll() {
        windows.values().forEach(PopupWindow::close);
        windows.clear();
    }
}
