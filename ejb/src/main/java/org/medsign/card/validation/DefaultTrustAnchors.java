package org.medsign.card.validation;

import java.nio.file.Path;
import java.util.List;

/**
 * Trust anchors (PEM files) offered by another deployed module, used only while {@code medsign.card.trust-anchors}
 * is unset. Production deploys none, so it trusts nothing unconfigured; the demo EAR's development HCA offers its root.
 */
public interface DefaultTrustAnchors {

    /** The PEM files to trust; empty when the offering module is switched off. */
    List<Path> files();
}
