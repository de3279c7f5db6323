package org.medsign.card;

import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

/** The result of presenting a challenge: the signed text when accepted, else why not. */
public record ChallengeUse(Outcome outcome, byte[] signedText) {

    public enum Outcome {
        ACCEPTED, UNKNOWN, USED, EXPIRED, FOREIGN, WRONG_ORIGIN
    }

    static ChallengeUse refused(Outcome outcome) {
        return new ChallengeUse(outcome, null);
    }

    /** The signed text, or the catalogue error a refused presentation is. */
    public byte[] acceptedText() {
        return switch (outcome) {
            case ACCEPTED -> signedText.clone();
            case WRONG_ORIGIN -> throw new MedsignException(ErrorCode.CARD_CHALLENGE_ORIGIN);
            default -> throw new MedsignException(ErrorCode.CARD_CHALLENGE_INVALID);
        };
    }
}
