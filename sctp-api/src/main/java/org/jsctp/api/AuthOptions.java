package org.jsctp.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jsctp.core.assoc.AssociationConfig;
import org.jsctp.core.auth.AuthConfig;
import org.jsctp.core.auth.HmacAlgorithm;
import org.jsctp.core.packet.Bytes;

/** The AUTH options (RFC 4895, RFC 6458 section 8.3) to and from the core's {@link AuthConfig}. */
final class AuthOptions {

    private AuthOptions() {
    }

    static boolean isAuthOption(SctpOption<?> o) {
        return o == SctpOptions.AUTH_SUPPORTED || o == SctpOptions.AUTH_REQUIRED || o == SctpOptions.AUTH_HMAC_IDENT
                || o == SctpOptions.AUTH_CHUNKS || o == SctpOptions.AUTH_KEYS;
    }

    @SuppressWarnings("unchecked")
    static void apply(AssociationConfig.Builder b, SctpOption<?> o, Object value) {
        AuthConfig auth = b.auth();
        if (o == SctpOptions.AUTH_SUPPORTED) {
            b.capabilities(b.capabilities().withAuth((Boolean) value));
            return;
        }
        if (o == SctpOptions.AUTH_REQUIRED) {
            auth = auth.withRequired((Boolean) value);
        } else if (o == SctpOptions.AUTH_HMAC_IDENT) {
            List<HmacAlgorithm> core = new ArrayList<>();
            for (SctpAuthHmac h : (List<SctpAuthHmac>) value) {
                core.add(HmacAlgorithm.valueOf(h.name()));
            }
            auth = auth.withHmacPreference(core);
        } else if (o == SctpOptions.AUTH_CHUNKS) {
            auth = auth.withChunkTypes((java.util.Set<Integer>) value);
        } else if (o == SctpOptions.AUTH_KEYS) {
            SctpAuthKeys keys = (SctpAuthKeys) value;
            Map<Integer, Bytes> core = new TreeMap<>();
            keys.keys().forEach((id, key) -> core.put(id, Bytes.copyOf(key)));
            auth = new AuthConfig(auth.required(), auth.hmacPreference(), auth.chunkTypes(), core, keys.activeKeyId());
        }
        boolean offered = b.capabilities().auth() || (o == SctpOptions.AUTH_REQUIRED && (Boolean) value);
        b.auth(auth); // b.auth offers AUTH; keep the offer as it was unless required
        b.capabilities(b.capabilities().withAuth(offered));
    }

    static Object read(SctpOption<?> o, AssociationConfig c) {
        AuthConfig auth = c.auth();
        if (o == SctpOptions.AUTH_SUPPORTED) {
            return c.capabilities().auth();
        } else if (o == SctpOptions.AUTH_REQUIRED) {
            return auth.required();
        } else if (o == SctpOptions.AUTH_HMAC_IDENT) {
            return auth.hmacPreference().stream().map(h -> SctpAuthHmac.valueOf(h.name())).toList();
        } else if (o == SctpOptions.AUTH_CHUNKS) {
            return auth.chunkTypes();
        }
        Map<Integer, byte[]> keys = new TreeMap<>();
        auth.sharedKeys().forEach((id, key) -> keys.put(id, key.toByteArray()));
        return new SctpAuthKeys(keys, auth.activeKeyId());
    }
}
