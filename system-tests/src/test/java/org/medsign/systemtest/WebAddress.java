package org.medsign.systemtest;

import java.net.URI;

/** Where a client reaches medsign over HTTPS: the single test server, a cluster's balancer or one of its nodes. */
public interface WebAddress {

    /** The address of {@code path} under the application's context, e.g. {@code api/v1/health}. */
    URI url(String path);
}
