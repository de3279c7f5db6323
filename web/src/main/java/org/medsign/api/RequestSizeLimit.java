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
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Refuses API requests over 1 MiB (MS-9006) before anything parses them, whether or not they declare a
 * length. A signing batch of 250 CMS signatures (about 1.5 KiB each in base64) fits well below this. Also refuses
 * (MS-9002) a NUL character in the path, the query or the body: no field of this API holds one, and PostgreSQL
 * cannot store or even compare text with it (the query would fail as MS-9000).
 */
@Provider
public class RequestSizeLimit implements ContainerRequestFilter {

    static final int MAX_BYTES = 1024 * 1024;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    /** A JSON escape of NUL that is no escaped backslash followed by "u0000". */
    private static final Pattern JSON_NUL = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\u0000", Pattern.CASE_INSENSITIVE);

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String raw = request.getUriInfo().getRequestUri().getRawPath() + "?" + request.getUriInfo().getRequestUri().getRawQuery();
        if (raw.toLowerCase(Locale.ROOT).contains("%00")) {
            request.abortWith(Problems.of(new MedsignException(ErrorCode.MALFORMED_REQUEST, "NUL"), headers, uri));
            return;
        }
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
            if (hasNul(bytes)) {
                request.abortWith(Problems.of(new MedsignException(ErrorCode.MALFORMED_REQUEST, "NUL"), headers, uri));
                return;
            }
            request.setEntityStream(new ByteArrayInputStream(bytes));
        }
    }

    /** A NUL byte, or a JSON escape of NUL (backslash, u0000), anywhere in the body. */
    static boolean hasNul(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return true;
            }
        }
        return JSON_NUL.matcher(new String(body, StandardCharsets.ISO_8859_1)).find();
    }
}
