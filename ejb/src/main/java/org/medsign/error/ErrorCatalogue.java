package org.medsign.error;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The texts of the error codes in zh-TW (default) and English, read from {@code ErrorMessages_*.properties}.
 * Bundles are looked up without falling back to the JVM's locale, so a server running in English still
 * answers a zh-TW user in Chinese.
 */
public final class ErrorCatalogue {

    public static final Locale TRADITIONAL_CHINESE = Locale.TAIWAN;
    private static final String BUNDLE = "org.medsign.error.ErrorMessages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ErrorCatalogue() {
    }

    public static String title(ErrorCode code, Locale locale) {
        return bundle(locale).getString(code.code() + ".title");
    }

    public static String message(ErrorCode code, Locale locale, Object... arguments) {
        String pattern = bundle(locale).getString(code.code() + ".message");
        return new MessageFormat(pattern, supported(locale)).format(arguments);
    }

    public static String action(ErrorCode code, Locale locale) {
        return bundle(locale).getString(code.code() + ".action");
    }

    /** "[MS-1001] 帳號或密碼錯誤。" — the line a user screenshots for IT. */
    public static String describe(MedsignException e, Locale locale) {
        return "[" + e.errorCode().code() + "] " + message(e.errorCode(), locale, e.arguments());
    }

    public static List<Entry> entries(Locale locale) {
        List<Entry> entries = new ArrayList<>();
        for (ErrorCode code : ErrorCode.values()) {
            entries.add(new Entry(code.code(), code.httpStatus(), title(code, locale), action(code, locale)));
        }
        return entries;
    }

    public static Locale supported(Locale requested) {
        return requested != null && "en".equals(requested.getLanguage()) ? Locale.ENGLISH : TRADITIONAL_CHINESE;
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, supported(locale), ErrorCatalogue.class.getClassLoader(), NO_FALLBACK);
    }

    /** One row of the FAQ's error-code table (常見問題及錯誤代碼對照表). */
    public record Entry(String code, int httpStatus, String title, String action) {
    }
}
