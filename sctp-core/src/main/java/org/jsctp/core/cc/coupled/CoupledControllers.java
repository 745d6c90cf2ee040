package org.jsctp.core.cc.coupled;

import org.jsctp.core.cc.CongestionController;
import org.jsctp.core.cc.RenoConfig;
import org.jsctp.core.cc.RenoCongestionController;
import org.jsctp.core.cc.WindowCoupling;
import org.jsctp.core.cmt.CmtCongestionControl;

/**
 * Makes the congestion controller of one path of a CMT association for a
 * {@link CmtCongestionControl} variant: a {@link RenoCongestionController} with the variant's
 * {@link WindowCoupling}, registered with the association's {@link CoupledPaths}.
 */
public final class CoupledControllers {

    private CoupledControllers() {
    }

    /**
     * {@return the controller of a path that carries its first DATA, registered with {@code paths}}
     *
     * <p>For {@link CmtCongestionControl#RP_V1} and {@link CmtCongestionControl#RP_V2} the initial
     * window of RFC 9260 section 7.2.1 is divided among the association's paths, but not below one
     * MTU (as FreeBSD initialises resource pooling), so the association starts with about one
     * flow's window; {@link CmtCongestionControl#LIA} keeps each path's initial window (RFC 6356
     * section 3: slow start as in standard TCP). {@link CmtCongestionControl#UNCOUPLED} makes a
     * plain controller and registers nothing.
     *
     * @param variant the coupling
     * @param paths the association's coupled paths
     * @param pathId the path's id
     * @param config the path's Reno settings
     * @param initialSsthresh the initial ssthresh (RFC 9260 section 7.2.1)
     * @param pathCount how many paths the association has, at least 1
     */
    public static CongestionController create(CmtCongestionControl variant, CoupledPaths paths, int pathId,
                                              RenoConfig config, long initialSsthresh, int pathCount) {
        if (variant == CmtCongestionControl.UNCOUPLED) {
            return new RenoCongestionController(config, initialSsthresh);
        }
        RenoConfig start = config;
        if ((variant == CmtCongestionControl.RP_V1 || variant == CmtCongestionControl.RP_V2) && pathCount > 1) {
            start = config.withInitialCwnd(Math.max(config.initialWindow() / pathCount, config.mtu()));
        }
        WindowCoupling coupling = switch (variant) {
            case RP_V1 -> new ResourcePoolingV1(paths);
            case RP_V2 -> new ResourcePoolingV2(paths, pathId);
            case LIA -> new LinkedIncreases(paths);
            case UNCOUPLED -> WindowCoupling.NONE;
        };
        RenoCongestionController controller = new RenoCongestionController(start, initialSsthresh, coupling);
        paths.add(pathId, controller::cwnd, controller::ssthresh);
        return controller;
    }
}
