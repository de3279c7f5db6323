package org.medsign.card.validation;

import java.io.IOException;
import java.net.URI;

/** Where CRL bytes come from: HTTP in the server, a map in unit tests. */
@FunctionalInterface
public interface CrlSource {

    byte[] fetch(URI location) throws IOException;
}
