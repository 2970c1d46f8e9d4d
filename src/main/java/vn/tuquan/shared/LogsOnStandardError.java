package vn.tuquan.shared;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import java.util.Iterator;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.ResolvableType;

/**
 * Sends the console log to standard error, so that standard output holds only what Tuquan means
 * to print: a command's result (its {@code --json}), the administrator's first password. Spring
 * Boot's console appender writes to standard output and has no setting for it; this listener
 * turns it to standard error right after Spring Boot set up logging (everything else of that set-up,
 * such as {@code logging.file.name}, stays as it is). Registered in {@code META-INF/spring.factories}.
 */
public class LogsOnStandardError implements GenericApplicationListener {

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null && ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type);
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        for (Logger logger : context.getLoggerList()) {
            for (Iterator<Appender<ILoggingEvent>> appenders = logger.iteratorForAppenders(); appenders.hasNext(); ) {
                if (appenders.next() instanceof ConsoleAppender<ILoggingEvent> console
                        && !"System.err".equals(console.getTarget())) {
                    console.stop();
                    console.setTarget("System.err");
                    console.start();
                }
            }
        }
    }

    /** Right after {@link LoggingApplicationListener}, which makes the appenders. */
    @Override
    public int getOrder() {
        return LoggingApplicationListener.DEFAULT_ORDER + 1;
    }
}
