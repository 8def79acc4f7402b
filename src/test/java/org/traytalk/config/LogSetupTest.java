package org.traytalk.config;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.util.ContextInitializer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

class LogSetupTest {

    @TempDir
    Path logs;
    private final PrintStream realOut = System.out;
    private final PrintStream realErr = System.err;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Logger log = LoggerFactory.getLogger("org.traytalk.test.LogSetupTest"); // taken before setup on purpose

    @BeforeEach
    void captureConsole() {
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() throws Exception {
        System.setOut(realOut);
        System.setErr(realErr);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset(); // closes the file in the temp folder, then back to how logging starts (StartupLogging)
        new ContextInitializer(context).autoConfig();
    }

    @Test
    void linesGoToTheFileWithTimeThreadLevelAndLogger() throws Exception {
        new LogSetup(logs, false, Level.INFO).apply();

        log.info("hello Zoë {}", 42);
        log.debug("below the level");
        log.warn("careful");

        String text = Files.readString(logs.resolve(LogSetup.FILE_NAME), StandardCharsets.UTF_8);
        assertThat(text).containsPattern(
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\[main\\] INFO  org\\.traytalk\\.test\\.LogSetupTest - hello Zoë 42");
        assertThat(text).contains("WARN  org.traytalk.test.LogSetupTest - careful").doesNotContain("below the level");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void warningsCanAlsoGoToStderrButNeverToStdout() throws Exception {
        new LogSetup(logs, true, Level.DEBUG).apply();

        log.debug("detail");
        log.info("news");
        log.error("broken");

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("broken").doesNotContain("news", "detail");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(Files.readString(logs.resolve(LogSetup.FILE_NAME), StandardCharsets.UTF_8))
                .contains("detail", "news", "broken");
    }

    @Test
    void untilSetUpOnlyWarningsGoToStderrWithoutAConfigurationFile() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        new ContextInitializer(context).autoConfig(); // as at every start: the service StartupLogging, nothing else

        log.info("news");
        log.warn("careful");

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("WARN  org.traytalk.test.LogSetupTest - careful")
                .doesNotContain("news");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(ServiceLoader.load(Configurator.class)).hasAtLeastOneElementOfType(StartupLogging.class);
        assertThat(LogSetupTest.class.getResource("/logback.xml")).as("no XML to read at start").isNull();
    }
}
