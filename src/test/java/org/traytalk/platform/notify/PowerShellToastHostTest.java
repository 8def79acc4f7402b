package org.traytalk.platform.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command line only: Windows PowerShell itself was not run here (no Windows). */
class PowerShellToastHostTest {

    @Test
    void windowsPowerShellFromTheSystemFolderRunsTheScriptEncoded() {
        List<String> command = PowerShellToastHost.command(Map.of("SystemRoot", "D:\\WINNT"), "Say 'ready'");
        assertThat(command).containsExactly(
                Path.of("D:\\WINNT", "System32", "WindowsPowerShell", "v1.0", "powershell.exe").toString(),
                "-NoLogo", "-NoProfile", "-NonInteractive", "-WindowStyle", "Hidden", "-EncodedCommand",
                "UwBhAHkAIAAnAHIAZQBhAGQAeQAnAA==");
        assertThat(PowerShellToastHost.powershell(Map.of())).isEqualTo(
                Path.of("C:\\Windows", "System32", "WindowsPowerShell", "v1.0", "powershell.exe"));
    }

    @Test
    void theEncodedCommandIsUtf16LittleEndianInBase64() {
        String script = "# Caf\u00E9 \uD83D\uDE00\r\n$x = 'a\"b'";
        assertThat(new String(Base64.getDecoder().decode(PowerShellToastHost.encoded(script)),
                StandardCharsets.UTF_16LE)).isEqualTo(script);
    }

    @Test
    void theScriptShipsInTheJarAndSpeaksTheProtocol() {
        String script = PowerShellToastHost.script();
        assertThat(script).contains("'TrayTalk.Messenger'").contains(WindowsToasts.APP_ID)
                .contains("Say 'ready'").contains("'error '").contains("'clicked '").contains("'problem '")
                .contains("'show'").contains("'withdraw'");
        // a Windows command line holds 32,767 characters; the encoded script must leave room
        assertThat(String.join(" ", PowerShellToastHost.command(Map.of(), script)).length()).isLessThan(16_000);
    }
}
