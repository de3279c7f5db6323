package org.medsign.portal;

import java.util.Locale;
import java.util.ResourceBundle;

/** The portal's message bundles as the pages read them, without falling back to the JVM's language. */
public final class PortalBundles {

    public static final Locale[] LANGUAGES = {Locale.TAIWAN, Locale.ENGLISH};
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private PortalBundles() {
    }

    public static ResourceBundle of(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.medsign.portal.messages", locale, NO_FALLBACK);
        if (!bundle.getLocale().equals(locale)) {
            throw new AssertionError("no bundle of its own for " + locale + ": " + bundle.getLocale());
        }
        return bundle;
    }
}
