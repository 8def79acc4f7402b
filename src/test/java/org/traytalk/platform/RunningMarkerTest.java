package org.traytalk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunningMarkerTest {

    @Test
    void windowsHoldsTheMutexTheInstallersLookFor() {
        List<String> created = new ArrayList<>();
        boolean[] closed = {false};
        RunningMarker m = RunningMarker.forPlatform("Windows 11", name -> {
            created.add(name);
            return () -> closed[0] = true;
        });
        assertThat(created).containsExactly("TrayTalkRunning");
        m.close();
        assertThat(closed[0]).isTrue();
    }

    @Test
    void otherSystemsNeedNoMarker() {
        List<String> created = new ArrayList<>();
        RunningMarker.forPlatform("Linux", name -> {
            created.add(name);
            return () -> { };
        }).close();
        RunningMarker.forPlatform("Mac OS X", name -> {
            created.add(name);
            return () -> { };
        }).close();
        assertThat(created).isEmpty();
    }

    @Test
    void theSetupScriptUsesTheSameName() throws Exception {
        String iss = Files.readString(Path.of("installer", "traytalk.iss"));
        assertThat(iss).contains("#define AppMutexName \"" + RunningMarker.MUTEX_NAME + "\"").contains("AppMutex={#AppMutexName}");
    }
}
