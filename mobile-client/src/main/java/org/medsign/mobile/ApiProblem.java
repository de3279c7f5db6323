package org.medsign.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The server's problem+json answer, with the MS-xxxx code the app shows for a screenshot (M26). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiProblem(String type, String title, int status, String detail, String code, String action,
                         String instance) {
}
