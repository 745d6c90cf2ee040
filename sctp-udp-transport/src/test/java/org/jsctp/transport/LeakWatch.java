package org.jsctp.transport;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects the ByteBuf leaks Netty's leak detector reports (tests run it at PARANOID, so every
 * buffer is tracked): it logs each leak at ERROR under {@link ResourceLeakDetector}'s logger, and
 * this appender keeps them. Leaks are found when a leaked buffer has been collected and a later
 * allocation looks; {@link #leaksAfterGc()} makes both happen.
 */
public final class LeakWatch implements AutoCloseable {

    private final Logger logger = (Logger) LoggerFactory.getLogger(ResourceLeakDetector.class);
    private final List<String> leaks = new ArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            if (event.getFormattedMessage().contains("LEAK")) {
                synchronized (leaks) {
                    leaks.add(event.getFormattedMessage());
                }
            }
        }
    };

    public LeakWatch() {
        appender.setContext(logger.getLoggerContext());
        appender.start();
        logger.addAppender(appender);
    }

    /** Collects garbage, makes the detectors look, and returns the leaks reported since this watch began. */
    public List<String> leaksAfterGc() {
        for (int round = 0; round < 3; round++) {
            System.gc();
            for (ByteBufAllocator alloc : List.of(ByteBufAllocator.DEFAULT, io.netty.buffer.PooledByteBufAllocator.DEFAULT)) {
                for (int i = 0; i < 64; i++) {
                    ByteBuf b = i % 2 == 0 ? alloc.directBuffer(64) : alloc.heapBuffer(64);
                    b.release();
                }
            }
        }
        synchronized (leaks) {
            return List.copyOf(leaks);
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
