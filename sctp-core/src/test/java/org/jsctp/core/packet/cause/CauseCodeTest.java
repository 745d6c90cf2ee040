package org.jsctp.core.packet.cause;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CauseCodeTest {

    @Test
    void codesMatchTheIanaRegistry() {
        assertThat(CauseCode.PROTOCOL_VIOLATION).isEqualTo(13);
        assertThat(CauseCode.RESTART_WITH_NEW_ENCAPSULATION_PORT).isEqualTo(14);
        assertThat(CauseCode.DELETE_LAST_REMAINING_ADDRESS).isEqualTo(160);
        assertThat(CauseCode.NO_AUTHORIZATION).isEqualTo(164);
        assertThat(CauseCode.COLLIDING_NAT_TABLE_ENTRY).isEqualTo(176);
        assertThat(CauseCode.MISSING_NAT_TABLE_ENTRY).isEqualTo(177);
        assertThat(CauseCode.PORT_NUMBER_COLLISION).isEqualTo(178);
        assertThat(CauseCode.UNSUPPORTED_HMAC_IDENTIFIER).isEqualTo(261);
    }

    @Test
    void namesFollowTheDocumentsThatDefineThem() {
        assertThat(CauseCode.name(CauseCode.STALE_COOKIE)).isEqualTo("Stale Cookie Error");
        assertThat(CauseCode.name(CauseCode.COLLIDING_NAT_TABLE_ENTRY)).isEqualTo("VTag and Port Number Collision");
        assertThat(CauseCode.name(CauseCode.MISSING_NAT_TABLE_ENTRY)).isEqualTo("Missing State");
        assertThat(CauseCode.name(CauseCode.UNSUPPORTED_HMAC_IDENTIFIER)).isEqualTo("Unsupported HMAC Identifier");
    }

    @Test
    void unknownCodesAreNamedByNumber() {
        assertThat(CauseCode.name(105)).isEqualTo("error cause 105");
        assertThat(CauseCode.elementName(CauseCode.NO_USER_DATA)).isEqualTo("No User Data cause");
    }
}
