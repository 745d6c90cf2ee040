package org.jsctp.core.assoc;

/**
 * The caller's view of the associations an endpoint has, which the endpoint consults when a
 * COOKIE ECHO may belong to an existing one (RFC 9260 section 5.2.4) and for its association
 * limit. The transport implements it with its demultiplexing tables.
 */
public interface AssociationDirectory {

    /** An empty directory. */
    AssociationDirectory NONE = new AssociationDirectory() {
        @Override
        public Association find(int localTag, int peerPort) {
            return null;
        }

        @Override
        public int size() {
            return 0;
        }
    };

    /** The association with our verification tag {@code localTag} towards {@code peerPort}, or null. */
    Association find(int localTag, int peerPort);

    /** How many associations exist. */
    int size();
}
