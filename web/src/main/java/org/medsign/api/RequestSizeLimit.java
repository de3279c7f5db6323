package org.medsign.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses API requests over 1 MiB (MS-9006) before anything parses them, whether or not they declare a
 * length. A signing batch of 250 CMS signatures (about 1.5 KiB each in base64) fits well below this.
 */
@Provider
public class RequestSizeLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 1024 * 1024;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getLength() > MAX_BYTES) {
            request.abortWith(Problems.of(new MedsignException(ErrorCode.REQUEST_TOO_LARGE), headers, uri));
            return;
        }
        if (request.hasEntity()) {
            InputStream body = request.getEntityStream();
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                request.abortWith(Problems.of(new MedsignException(ErrorCode.REQUEST_TOO_LARGE), headers, uri));
                return;
            }
            request.setEntityStream(new ByteArrayInputStream(bytes));
        }
    }
}
