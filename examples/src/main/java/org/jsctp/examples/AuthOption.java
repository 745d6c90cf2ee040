package org.jsctp.examples;

import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jsctp.api.SctpAuthHmac;
import org.jsctp.api.SctpAuthKeys;
import org.jsctp.api.SctpEndpointBuilder;
import org.jsctp.api.SctpOptions;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.auth.AuthConfig;
import org.jsctp.core.packet.Bytes;
import org.jsctp.core.packet.chunk.ChunkType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --auth} and {@code --auth-key} options of every tool that makes associations: AUTH
 * (RFC 4895) required, HMAC-SHA-256 preferred and HMAC-SHA-1 accepted (usrsctp offers only SHA-1),
 * DATA authenticated; {@code --auth-key HEX} is endpoint-pair shared key 1, made active (it implies
 * {@code --auth}). Without a key both sides use the empty key 0, which authenticates nothing
 * against an attacker who saw the handshake: give the same key on both sides.
 */
final class AuthOption {

    @Option(names = "--auth",
            description = "RFC 4895 AUTH required: DATA authenticated, HMAC-SHA-256 preferred, HMAC-SHA-1 accepted")
    boolean auth;

    @Option(names = "--auth-key", paramLabel = "HEX",
            description = "with AUTH: endpoint-pair shared key 1 (hex digits), made active; implies --auth")
    String keyHex;

    /** Whether AUTH is asked for. */
    boolean enabled() {
        return auth || keyHex != null;
    }

    /** The key bytes, or null without --auth-key; malformed hex is a usage error. */
    byte[] key(CommandSpec spec) {
        if (keyHex == null) {
            return null;
        }
        try {
            byte[] key = HexFormat.of().parseHex(keyHex);
            if (key.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--auth-key must be an even number of hex digits, at "
                    + "least two: " + keyHex);
        }
    }

    /**
     * The core configuration with AUTH when asked for.
     *
     * @param config the builder to change
     * @param spec the command, for usage errors
     * @return the builder
     */
    AssociationConfig.Builder apply(AssociationConfig.Builder config, CommandSpec spec) {
        if (!enabled()) {
            return config;
        }
        AuthConfig a = AuthConfig.DEFAULTS.withRequired(true).withChunkTypes(Set.of(ChunkType.DATA));
        byte[] key = key(spec);
        if (key != null) {
            a = a.withSharedKey(1, Bytes.copyOf(key)).withActiveKey(1);
        }
        return config.auth(a);
    }

    /**
     * The API endpoint options with AUTH when asked for.
     *
     * @param builder the endpoint builder
     * @param spec the command, for usage errors
     * @param <B> the builder type
     * @return the builder
     */
    <B extends SctpEndpointBuilder<B, ?>> B apply(B builder, CommandSpec spec) {
        if (!enabled()) {
            return builder;
        }
        builder.option(SctpOptions.AUTH_REQUIRED, true).option(SctpOptions.AUTH_CHUNKS, Set.of(ChunkType.DATA))
                .option(SctpOptions.AUTH_HMAC_IDENT, List.of(SctpAuthHmac.SHA_256, SctpAuthHmac.SHA_1));
        byte[] key = key(spec);
        return key == null ? builder : builder.option(SctpOptions.AUTH_KEYS, SctpAuthKeys.of(1, key));
    }
}
