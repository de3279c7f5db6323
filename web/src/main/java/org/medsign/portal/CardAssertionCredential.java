package org.medsign.portal;

import jakarta.security.enterprise.credential.Credential;
import org.medsign.card.CardAssertion;
import org.medsign.card.ChallengeBinding;

/**
 * A card login handed to {@link PortalAuthenticationMechanism}: the card agent's signature over a server challenge,
 * with what the challenge must be bound to (this session, the page's origin). The mechanism has it verified by
 * {@link org.medsign.card.CardLogin}; until then nothing in it is trusted.
 */
public final class CardAssertionCredential implements Credential {

    private final CardAssertion assertion;
    private final ChallengeBinding binding;

    public CardAssertionCredential(CardAssertion assertion, ChallengeBinding binding) {
        this.assertion = assertion;
        this.binding = binding;
    }

    public CardAssertion assertion() {
        return assertion;
    }

    public ChallengeBinding binding() {
        return binding;
    }

    @Override
    public boolean isValid() {
        return assertion != null && binding != null;
    }
}
