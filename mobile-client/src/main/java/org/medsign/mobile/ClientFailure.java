package org.medsign.mobile;

/** A refusal the client decides itself, with the same catalogue code the server would give (e.g. MS-3009). */
final class ClientFailure {

    private ClientFailure() {
    }

    static MedsignApiException of(String code, String detail) {
        return new MedsignApiException(new ApiProblem("urn:medsign:error:" + code, code, 400, detail, code, null, null));
    }
}
