package org.traytalk.tray.model;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import org.traytalk.model.KeyChange;
import org.traytalk.model.Peer;

/**
 * The review dialog's state: the key change under review (kept current as more of its messages are held), whether
 * accepting it is under way or failed and why, and whether the dialog is done (accepted, kept, or settled
 * elsewhere). UI-thread confined; every change is told to the {@link View}.
 */
public final class KeyChangeDecision {

    public enum Status { WAITING, ACCEPTING, DONE }

    /** What the dialog redraws. */
    public interface View {
        void changed();
    }

    private final KeyChangeList list;
    private final ZoneId zone;
    private final View view;
    private final AutoCloseable subscription;
    private KeyChange change;
    private Status status = Status.WAITING;
    private String problem = "";

    /** Reviews {@code change}, which {@code list} holds, until the user decides or it is settled elsewhere. */
    public KeyChangeDecision(KeyChangeList list, KeyChange change, ZoneId zone, View view) {
        this.list = Objects.requireNonNull(list);
        this.change = Objects.requireNonNull(change);
        this.zone = Objects.requireNonNull(zone);
        this.view = Objects.requireNonNull(view);
        this.subscription = list.onChange(new KeyChangeList.Listener() {
            @Override
            public void listChanged() {
                follow();
            }
        });
    }

    public KeyChange change() {
        return change;
    }

    public KeyChangeReview review() {
        return KeyChangeReview.of(change, zone);
    }

    public Status status() {
        return status;
    }

    /** Why accepting failed, plain text; empty otherwise. */
    public String problem() {
        return problem;
    }

    /** "Accept new key": the messenger pins it; done when it did, else {@link #problem} says why. */
    public void accept() {
        if (status != Status.WAITING) {
            return;
        }
        status = Status.ACCEPTING;
        problem = "";
        view.changed();
        list.accept(change, failure -> {
            if (status != Status.ACCEPTING) {
                return;
            }
            if (failure.isPresent()) {
                status = Status.WAITING;
                problem = failure.get();
            } else {
                finish();
            }
            view.changed();
        });
    }

    /** "Keep the old one": the change leaves the list; its messages stay held. */
    public void keep() {
        if (status == Status.WAITING) {
            finish();
            list.keep(change);
            view.changed();
        }
    }

    /** The dialog closed without a decision: the change stays waiting in the tray. */
    public void close() {
        finish();
    }

    /** The change under review got another held message, or was settled (elsewhere, or by this dialog). */
    private void follow() {
        if (status == Status.DONE) {
            return;
        }
        Optional<KeyChange> now = list.pending().stream()
                .filter(c -> Peer.keyOf(c.name()).equals(Peer.keyOf(change.name())) && c.offered().equals(change.offered()))
                .findFirst();
        if (now.isPresent()) {
            change = now.get();
        } else if (status == Status.WAITING) {
            finish(); // accepted with traytalk trust, or kept in another window
        }
        view.changed();
    }

    private void finish() {
        status = Status.DONE;
        try {
            subscription.close();
        } catch (Exception e) {
            throw new IllegalStateException(e); // removing a listener from a list does not fail
        }
    }
}
