package org.medsign.bench.portal;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * The journey's requests, each as the browser sends it and each checked for what the user would see, so that an
 * error page or a bounce to the login page counts as a failure, not as a fast answer. The request names are the
 * figures' names in the report (numbered in journey order).
 *
 * <p>Faces postbacks carry the page's {@code jakarta.faces.ViewState} (the server refuses a form post without it,
 * MS-1005), and, like PrimeFaces' script, the page's CSP nonce when it has one; every POST carries the
 * {@code Origin} a browser would send (the server refuses foreign ones).
 */
final class Pages {

    static final String LOGIN_PAGE = "1 登入頁 login page";
    static final String LOG_IN = "2 登入 log in (password)";
    static final String HOME = "3 首頁 home";
    static final String RESTART_TIMER = "4 重新計時 (AJAX)";
    static final String DEVICES = "5 行動裝置管理 devices";
    static final String CERTIFICATES = "6 憑證清單 certificates";
    static final String REMINDERS = "7 個人簽章提醒設定 reminders";
    static final String SAVE_REMINDERS = "8 提醒設定 儲存 save";
    static final String LOG_OUT = "9 登出 log out";

    private Pages() {
    }

    static ChainBuilder loginPage() {
        return exec(page(LOGIN_PAGE, "/login.xhtml", "form#login"));
    }

    /** The password form (M3's fallback; production logs in with the card): answered by a redirect to 首頁. */
    static ChainBuilder logIn(String password, String origin) {
        return exec(postback(LOG_IN, "/login.xhtml", origin)
                .formParam("login", "login")
                .formParam("login:username", "#{username}")
                .formParam("login:password", password)
                .formParam("login:submit", "")
                .check(status().is(302), header("Location").transform(l -> l.contains("/portal/home.xhtml")).is(true)));
    }

    static ChainBuilder home() {
        return exec(page(HOME, "/portal/home.xhtml", "#greeting"));
    }

    /**
     * 首頁's 重新計時 (M4): a PrimeFaces AJAX request as its script sends it (process="@this", update="@none"), the
     * header form serialized with the view state; the partial response must hold no {@code <error>}.
     */
    static ChainBuilder restartTimer(String origin) {
        return exec(postback(RESTART_TIMER, "/portal/home.xhtml", origin)
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .header("Accept", "application/xml, text/xml, */*; q=0.01")
                .formParam("jakarta.faces.partial.ajax", "true")
                .formParam("jakarta.faces.source", "header:restartTimer")
                .formParam("jakarta.faces.partial.execute", "header:restartTimer")
                .formParam("header:restartTimer", "header:restartTimer")
                .formParam("header", "header")
                .check(status().is(200), substring("<partial-response").exists(), substring("<error>").notExists()));
    }

    static ChainBuilder devices() {
        return exec(page(DEVICES, "/portal/devices.xhtml", "form#devices"));
    }

    static ChainBuilder certificates() {
        return exec(page(CERTIFICATES, "/portal/certificates.xhtml", "form#certificates"));
    }

    static ChainBuilder reminders() {
        return exec(page(REMINDERS, "/portal/reminders.xhtml", "form#reminders"));
    }

    /** The reminder settings' 儲存, a full postback (the button has ajax="false"): the page again with its notice. */
    static ChainBuilder saveReminders(String origin) {
        return exec(postback(SAVE_REMINDERS, "/portal/reminders.xhtml", origin)
                .formParam("reminders", "reminders")
                .formParam("reminders:enabled", "on")
                .formParam("reminders:sendAt", "08:00")
                .formParam("reminders:minPending", "1")
                .formParam("reminders:email", "#{username}@hospital.example")
                .formParam("reminders:save", "")
                .check(status().is(200), css(".ui-messages-info").exists(), css(".ui-messages-error").notExists()));
    }

    /** 登出: a plain form post to the logout servlet, answered by a redirect to the login page. */
    static ChainBuilder logOut(String origin) {
        return exec(http(LOG_OUT).post("/logout").header("Origin", origin)
                .check(status().is(302), header("Location").transform(l -> l.contains("loggedOut=true")).is(true)));
    }

    /** A page the user opens: 200, the element that proves it is that page, and its view state for the next postback. */
    private static HttpRequestActionBuilder page(String name, String path, String proof) {
        return http(name).get(path).check(status().is(200), css(proof).exists(),
                css("input[name='jakarta.faces.ViewState']", "value").saveAs("viewState"),
                regex("PrimeFaces\\.csp\\.init\\('([^']+)'\\)").optional().saveAs("nonce"));
    }

    /** A Faces form post of the page last opened, as the browser sends it. */
    private static HttpRequestActionBuilder postback(String name, String path, String origin) {
        return http(name).post(path).header("Origin", origin)
                .formParam("jakarta.faces.ViewState", "#{viewState}")
                .formParam("primefaces.nonce", session -> session.contains("nonce") ? session.getString("nonce") : "");
    }
}
