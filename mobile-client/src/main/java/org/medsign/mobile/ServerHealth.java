package org.medsign.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code GET /api/v1/health}: whether the server can serve, its release and its API version. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServerHealth(String status, String version, int apiVersion) {

    public boolean up() {
        return "UP".equals(status);
    }
}
