package org.jsctp.core.assoc;

/**
 * The caller's view of the associations an endpoint has, which the endpoint consults when a
 * packet may concern an existing one (RFC 9260 section 5.2) and for its association limit. The
 * transport implements it with its demultiplexing tables, scoped to the packet's source address.
 */
public interface AssociationDirectory {

    /** An empty directory. */
    AssociationDirectory NONE = new AssociationDirectory() {
        @Override
        public Association find(int localTag, int peerPort) {
            return null;
        }

        @Override
        public Association findByPeer(int peerPort) {
            return null;
        }

        @Override
        public int size() {
            return 0;
        }
    };

    /**
     * {@return the association with our verification tag {@code localTag} towards {@code peerPort}, or null}
     *
     * @param localTag our Verification Tag, from the packet's common header
     * @param peerPort the packet's source port
     */
    Association find(int localTag, int peerPort);

    /**
     * {@return the association with the sender of the packet being handled, at SCTP port {@code peerPort},
     * whatever its tags, or null} The caller scopes the directory to the packet's source address,
     * so this finds the association an INIT collides with or a restart replaces (RFC 9260 5.2).
     *
     * @param peerPort the packet's source port
     */
    Association findByPeer(int peerPort);

    /** {@return how many associations exist} */
    int size();

    /**
     * Whether an association of this endpoint, with any peer, already has {@code localTag} as our
     * verification tag. A new association gets a tag no other has, so that packets are told apart
     * by their tag (RFC 9260 section 5.3.1). False by default.
     *
     * @param localTag a verification tag we might choose
     * @return true when the tag is taken
     */
    default boolean localTagInUse(int localTag) {
        return false;
    }
}
