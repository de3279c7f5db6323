package org.medsign.card.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.error.ErrorCatalogue;
import org.medsign.error.ErrorCode;
import org.medsign.portal.LocaleSelection;

import java.util.Locale;

/**
 * What the card pages' script needs from the server: where the card agent listens ({@code medsign.card.agent-url},
 * default {@code http://127.0.0.1:17380}), the oldest agent accepted ({@code medsign.card.agent-min-version}), and
 * the catalogue texts of the card errors the page itself detects (no agent, wrong PIN, …) in the user's language.
 */
@Named
@RequestScoped
public class CardPage {

    @Inject
    @ConfigProperty(name = "medsign.card.agent-url", defaultValue = "http://127.0.0.1:17380")
    String agentUrl;

    @Inject
    @ConfigProperty(name = "medsign.card.agent-min-version", defaultValue = "1.0.0")
    String minAgentVersion;

    @Inject
    LocaleSelection localeSelection;

    public String getAgentUrl() {
        return agentUrl.replaceFirst("/+$", "");
    }

    public String getMinAgentVersion() {
        return minAgentVersion;
    }

    /** {"MS-2001": {"text": "[MS-2001] …", "action": "…"}, …}: {0} is left in for the script to fill. */
    public String getTextsJson() {
        Locale locale = localeSelection.getLocale();
        JsonObjectBuilder texts = Json.createObjectBuilder();
        for (ErrorCode code : ErrorCode.values()) {
            if (code.code().startsWith("MS-2") || code == ErrorCode.INTERNAL_ERROR || code == ErrorCode.LOGIN_REQUIRED) {
                texts.add(code.code(), Json.createObjectBuilder()
                        .add("text", "[" + code.code() + "] " + ErrorCatalogue.message(code, locale, "{0}"))
                        .add("action", ErrorCatalogue.action(code, locale)));
            }
        }
        // "</" cannot end the script element the JSON sits in
        return texts.build().toString().replace("</", "<\\/");
    }
}
