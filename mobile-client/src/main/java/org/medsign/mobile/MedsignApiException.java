package org.medsign.mobile;

/** The server refused a request; {@link #code()} is its MS-xxxx error code. */
public class MedsignApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ApiProblem problem;

    public MedsignApiException(ApiProblem problem) {
        super("[" + problem.code() + "] " + problem.detail());
        this.problem = problem;
    }

    public String code() {
        return problem.code();
    }

    public int status() {
        return problem.status();
    }

    public ApiProblem problem() {
        return problem;
    }
}
