package org.jsctp.api;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * A typed key of an association option (RFC 6458 section 8), such as {@link SctpOptions#NODELAY}.
 * Values are set as endpoint-wide defaults with the builders' {@code option(...)} and per
 * association with {@link SctpAssociation#setOption}; {@link #isLive()} tells whether an
 * established association accepts a change.
 *
 * @param <T> the type of its values
 */
public final class SctpOption<T> {

    private final String name;
    private final Class<?> type;
    private final boolean live;
    private final Consumer<T> validator;

    private SctpOption(String name, Class<?> type, boolean live, Consumer<T> validator) {
        this.name = name;
        this.type = type;
        this.live = live;
        this.validator = validator;
    }

    static <T> SctpOption<T> of(String name, Class<?> type, boolean live, Consumer<T> validator) {
        return new SctpOption<>(name, type, live, validator);
    }

    /** {@return its name, as RFC 6458 writes it (e.g. "SCTP_NODELAY")} */
    public String name() {
        return name;
    }

    /** {@return the type of its values} */
    public Class<?> type() {
        return type;
    }

    /** {@return whether it may be changed on an established association} */
    public boolean isLive() {
        return live;
    }

    /**
     * Checks a value.
     *
     * @throws IllegalArgumentException naming this option and the allowed range when it is not allowed
     * @throws NullPointerException if it is null
     * @param value the value to check
     * @return {@code value}
     */
    public T validate(T value) {
        Objects.requireNonNull(value, () -> name + " must not be null");
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException(name + " takes a " + type.getSimpleName() + ", not a "
                    + value.getClass().getSimpleName());
        }
        validator.accept(value);
        return value;
    }

    @Override
    public String toString() {
        return name;
    }
}
