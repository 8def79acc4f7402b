package org.traytalk.tray.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.traytalk.engine.MessengerListener;

class OnThreadTest {

    /** An event OnThread does not hand over reaches no model (the listener's default does nothing). */
    @Test
    void handsEveryEventOver() {
        for (Method event : MessengerListener.class.getMethods()) {
            assertThat(Arrays.stream(OnThread.class.getDeclaredMethods()).anyMatch(m -> m.getName().equals(
                    event.getName()) && Arrays.equals(m.getParameterTypes(), event.getParameterTypes())))
                    .as("OnThread hands over %s", event.getName()).isTrue();
        }
    }
}
