package org.medsign.card;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.medsign.card.validation.CardValidation;
import org.medsign.card.validation.ValidatedCard;

import java.time.Instant;

/**
 * The checks every card signature goes through, login or presence, cheapest and most decisive first: the challenge
 * (single use, this session, this purpose, this origin, not expired — MS-2011, MS-2013), the signature with the
 * presented certificate's key (MS-2012), then the certificate itself (MS-2007, -2008, -2009, -2014).
 */
@ApplicationScoped
public class AssertionVerifier {

    @Inject
    CardChallenges challenges;

    @Inject
    CardValidation validation;

    public VerifiedAssertion verify(ParsedAssertion assertion, CardPurpose purpose, ChallengeBinding binding, Instant now) {
        byte[] text = challenges.use(assertion.challengeId(), purpose, binding, now).acceptedText();
        SignatureCheck.verify(assertion.card(), assertion.algorithm(), text, assertion.signature());
        ValidatedCard card = validation.validate(assertion.chain(), now);
        return new VerifiedAssertion(card, text, assertion.signature().clone(), assertion.algorithm());
    }
}
