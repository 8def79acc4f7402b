package org.traytalk.tray.desktop;

import java.time.Duration;
import javax.swing.Timer;
import org.traytalk.tray.model.TrayTimers;

/** The tray models' timers as one-shot Swing timers: every task runs on the event dispatch thread. */
public final class SwingTimers implements TrayTimers {

    @Override
    public Pending after(Duration delay, Runnable task) {
        Timer timer = new Timer((int) Math.min(Integer.MAX_VALUE, Math.max(0, delay.toMillis())), e -> task.run());
        timer.setRepeats(false);
        timer.start();
        return timer::stop;
    }
}
