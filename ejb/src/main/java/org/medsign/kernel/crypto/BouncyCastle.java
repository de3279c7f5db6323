package org.medsign.kernel.crypto;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.Provider;

/**
 * This application's Bouncy Castle, passed as an instance to every JCA and BC builder. WildFly registers its own,
 * older BC under the name "BC", so asking for "BC" by name would get that one; nothing here registers a provider.
 */
public final class BouncyCastle {

    /** Creating the provider costs about 100 ms, so there is one. */
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private BouncyCastle() {
    }
}
