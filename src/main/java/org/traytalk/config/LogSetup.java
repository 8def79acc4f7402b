package org.traytalk.config;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.util.FileSize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * Sends all logging to {@code traytalk.log} in the logs folder (5 MB, then rolled to {@code traytalk.1.log}
 * .. {@code traytalk.4.log}), never to stdout, which belongs to the command line; optionally WARN and
 * above to stderr too.
 *
 * <p>Main calls {@code new LogSetup(dirs.logs(), warningsToStderr, level).apply()} right after working
 * out the {@link AppDirs} (and {@link AppDirs#ensureCreated()}), before building anything that logs.
 * Until then {@link StartupLogging} keeps stdout clean and prints only WARN and above to stderr.
 *
 * @param logsDir          folder for {@code traytalk.log}
 * @param warningsToStderr also print WARN and ERROR on stderr
 * @param level            lowest level written to the file, e.g. INFO (DEBUG for troubleshooting)
 */
public record LogSetup(Path logsDir, boolean warningsToStderr, org.slf4j.event.Level level) {

    public static final String FILE_NAME = "traytalk.log";
    static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} [%thread] %-5level %logger{36} - %msg%n";

    public LogSetup {
        Objects.requireNonNull(logsDir, "logsDir");
        Objects.requireNonNull(level, "level");
    }

    /** Replaces whatever logging configuration is active. Loggers obtained earlier keep working. */
    public void apply() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level.name()));
        root.addAppender(fileAppender(context));
        if (warningsToStderr) {
            root.addAppender(stderrAppender(context));
        }
    }

    private RollingFileAppender<ILoggingEvent> fileAppender(LoggerContext context) {
        RollingFileAppender<ILoggingEvent> appender = new RollingFileAppender<>();
        appender.setContext(context);
        appender.setName("file");
        appender.setFile(logsDir.resolve(FILE_NAME).toString());

        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(context);
        rolling.setParent(appender);
        rolling.setFileNamePattern(logsDir.resolve("traytalk.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(4);
        rolling.start();

        SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
        trigger.setContext(context);
        trigger.setMaxFileSize(FileSize.valueOf("5MB"));
        trigger.start();

        appender.setRollingPolicy(rolling);
        appender.setTriggeringPolicy(trigger);
        appender.setEncoder(encoder(context));
        appender.start();
        return appender;
    }

    /**
     * Before {@link #apply}: WARN and above to stderr only, as {@link StartupLogging} sets it up when logging starts.
     * Written out here rather than in a logback.xml, whose XML reading would load some 650 classes at every start.
     */
    static void warningsToStderrOnly(LoggerContext context) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(stderrAppender(context));
    }

    private static ConsoleAppender<ILoggingEvent> stderrAppender(LoggerContext context) {
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName("stderr");
        appender.setTarget("System.err");
        ThresholdFilter warnAndAbove = new ThresholdFilter();
        warnAndAbove.setLevel(Level.WARN.levelStr);
        warnAndAbove.start();
        appender.addFilter(warnAndAbove);
        appender.setEncoder(encoder(context));
        appender.start();
        return appender;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.start();
        return encoder;
    }
}
