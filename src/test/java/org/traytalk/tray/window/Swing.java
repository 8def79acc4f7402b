package org.traytalk.tray.window;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.AbstractButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.SwingUtilities;
import javax.swing.text.JTextComponent;

/** Test helpers: run on the Swing thread and wait, and walk component trees. */
final class Swing {
    private Swing() {
    }

    static <T> T call(Callable<T> work) {
        if (SwingUtilities.isEventDispatchThread()) {
            try {
                return work.call();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try {
            SwingUtilities.invokeAndWait(() -> {
                try {
                    result.set(work.call());
                } catch (Exception e) {
                    failure.set(e);
                }
            });
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        return result.get();
    }

    static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Lays out a tree that is not on screen (validate() does nothing there). */
    static void layOut(Component c) {
        if (c instanceof Container container) {
            container.doLayout();
            for (Component child : container.getComponents()) {
                layOut(child);
            }
        }
    }

    /** Every component of type {@code type} in the tree under {@code root}, root included. */
    static <T> List<T> all(Component root, Class<T> type) {
        List<T> found = new ArrayList<>();
        collect(root, type, found);
        return found;
    }

    private static <T> void collect(Component c, Class<T> type, List<T> found) {
        if (type.isInstance(c)) {
            found.add(type.cast(c));
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                collect(child, type, found);
            }
        }
    }

    /**
     * The controls the keyboard can reach (buttons, text, lists, combo boxes that take focus) in {@code components}
     * that have no name for a screen reader, described by class and name; empty when every one has.
     */
    static List<String> unnamedControls(List<Component> components) {
        return components.stream()
                .filter(c -> c.isFocusable() && (c instanceof AbstractButton || c instanceof JTextComponent
                        || c instanceof JList || c instanceof JComboBox))
                .filter(c -> c.getAccessibleContext().getAccessibleName() == null
                        || c.getAccessibleContext().getAccessibleName().isBlank())
                .map(c -> c.getClass().getName() + " " + c.getName()).toList();
    }

    /** The texts of labels, buttons and tooltips in {@code components}: what Swing would render as HTML if marked up. */
    static List<String> shownTexts(List<Component> components) {
        List<String> texts = new ArrayList<>();
        for (Component c : components) {
            if (c instanceof JLabel l) {
                texts.add(l.getText());
            } else if (c instanceof AbstractButton b) {
                texts.add(b.getText());
            }
            if (c instanceof JComponent j) {
                texts.add(j.getToolTipText());
            }
        }
        texts.removeIf(Objects::isNull);
        return texts;
    }
}
