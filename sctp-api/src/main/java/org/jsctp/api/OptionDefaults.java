package org.jsctp.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jsctp.core.assoc.AssociationConfig;

/**
 * The option values an endpoint's builder was given, in order, resolved into the core's
 * configuration and the API's own defaults of every association the endpoint sets up.
 */
final class OptionDefaults {

    private final Map<SctpOption<?>, Object> values = new LinkedHashMap<>();

    synchronized <T> void set(SctpOption<T> option, T value) {
        option.validate(value);
        values.remove(option); // re-setting moves it last: later settings win
        values.put(option, option == SctpOptions.EVENTS ? OptionMapping.copyKinds(cast(value)) : value);
    }

    /**
     * The core configuration with the core options applied in the order they were set.
     *
     * @throws IllegalArgumentException if they contradict each other (e.g. an RTO.Max below RTO.Initial)
     */
    synchronized AssociationConfig coreConfig() {
        AssociationConfig.Builder b = AssociationConfig.builder();
        // RE-CONFIG is always offered (RFC 6525 section 3.1), as usrsctp does; performing the
        // peer's requests is SctpOptions.ENABLE_STREAM_RESET.
        b.capabilities(AssociationConfig.defaults().capabilities().withStreamReconfig(true));
        for (Map.Entry<SctpOption<?>, Object> e : values.entrySet()) {
            if (OptionMapping.inCoreConfig(e.getKey())) {
                OptionMapping.apply(b, e.getKey(), e.getValue());
            }
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the options given contradict each other: " + e.getMessage(), e);
        }
    }

    synchronized Set<NotificationKind> events() {
        return cast(values.getOrDefault(SctpOptions.EVENTS, Set.of()));
    }

    synchronized DefaultSendParameters defaultSend() {
        return (DefaultSendParameters) values.getOrDefault(SctpOptions.DEFAULT_SEND_PARAM, DefaultSendParameters.NONE);
    }

    synchronized SctpPrPolicy defaultPrPolicy() {
        return (SctpPrPolicy) values.getOrDefault(SctpOptions.DEFAULT_PRINFO, SctpPrPolicy.NONE);
    }

    synchronized long bufferedAmountLowThreshold() {
        return (Long) values.getOrDefault(SctpOptions.BUFFERED_AMOUNT_LOW_THRESHOLD, 0L);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }
}
