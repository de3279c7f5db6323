package org.medsign.mobile;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;


/** The E Portal app's commands: eportal-bind (M19), pending (M22), show, refresh (M24) and sign (M23). */
final class EPortalCommands {

    private final MobileCli cli;

    EPortalCommands(MobileCli cli) {
        this.cli = cli;
    }

    int bind(CliOptions options) {
        Path home = MobileCli.home(options);
        AppSession session = AppSession.load(home, cli.json());
        DeviceProfile device = DeviceProfile.load(home, cli.json());
        char[] storePassword = options.secret("--store-password", "MEDSIGN_MOBILE_STORE_PASSWORD", "key store password");
        KeyPair key = DeviceKeyStore.read(DeviceProfile.keyStore(home), storePassword, DeviceKeyStore.DEVICE_KEY);
        JsonNode bound = client(options, session).bind(session.employeeNumber(), device.deviceId(), key.getPrivate());
        cli.print(options, bound, bound.path("message").asText());
        return 0;
    }

    int pending(CliOptions options) {
        AppSession session = AppSession.load(MobileCli.home(options), cli.json());
        JsonNode list = client(options, session).pending(false);
        StringBuilder text = new StringBuilder(session.siteName() + " " + session.siteCode() + "  " + session.name()
                + " (" + session.employeeNumber() + ")  待簽 " + list.path("total").asLong() + " 筆\n");
        for (JsonNode item : list.path("items")) {
            JsonNode r = item.path("record");
            text.append(String.format("%-8d %s %s(%s) %s%n", r.path("recordId").asLong(), r.path("typeName").asText(),
                    r.path("patientMasked").asText(), r.path("chartNumber").asText(),
                    MobileCli.localTime(r.path("modifiedAt").asText())));
        }
        cli.print(options, list, text.toString().strip());
        return 0;
    }

    int show(CliOptions options) {
        AppSession session = AppSession.load(MobileCli.home(options), cli.json());
        JsonNode record = client(options, session).record(Long.parseLong(required(options, "--record")));
        cli.print(options, record, record.path("text").asText());
        return 0;
    }

    int refresh(CliOptions options) {
        AppSession session = AppSession.load(MobileCli.home(options), cli.json());
        JsonNode list = client(options, session).refresh();
        cli.print(options, list, "重新整理完成：待簽 " + list.path("total").asLong() + " 筆");
        return 0;
    }

    int sign(CliOptions options) {
        Path home = MobileCli.home(options);
        AppSession session = AppSession.load(home, cli.json());
        DeviceProfile device = DeviceProfile.load(home, cli.json());
        EPortalClient eportal = client(options, session);
        JsonNode answer;
        if (options.get("--cms-file") != null) {
            byte[] cms;
            try {
                cms = Files.readAllBytes(Path.of(options.get("--cms-file")));
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("Cannot read " + options.get("--cms-file"), e);
            }
            answer = eportal.submit(device.deviceId(), List.of(EPortalClient.item(Long.parseLong(required(options, "--record")),
                    Base64.getEncoder().encodeToString(cms), options.get("--delay-reason"))));
        } else {
            char[] pin = options.secret("--pin", "MEDSIGN_MOBILE_PIN", "簽章 PIN (金鑰保護密碼)");
            KeyPair key = new SigningPinGuard(home, cli.json()).open(pin);
            X509Certificate certificate = DeviceKeyStore.chain(home.resolve(CertificateFetcher.SIGNING_STORE), pin,
                    CertificateFetcher.SIGNING_KEY)[0];
            List<Long> only = new ArrayList<>();
            if (options.get("--records") != null) {
                Arrays.stream(options.get("--records").split(",")).map(String::strip).map(Long::parseLong).forEach(only::add);
            }
            answer = eportal.signPending(device.deviceId(), new CmsSigner(key.getPrivate(), certificate), only,
                    options.get("--delay-reason"));
        }
        StringBuilder text = new StringBuilder(headline(answer));
        for (JsonNode item : answer.path("result").path("items")) {
            if ("REFUSED".equals(item.path("result").asText())) {
                text.append("\n  ").append(item.path("recordId").asLong()).append(": ").append(item.path("message").asText());
            }
        }
        cli.print(options, answer, text.toString());
        return answer.path("result").path("refused").asInt() == 0 ? 0 : 1;
    }

    /**
     * The first line after 簽章: "成功 成功完成5筆簽章" as the manual shows it when every item went through; when
     * nothing was signed it says so in both languages, whatever the server's own line says.
     */
    static String headline(JsonNode answer) {
        int signed = answer.path("result").path("signed").asInt();
        int refused = answer.path("result").path("refused").asInt();
        if (signed == 0) {
            return refused == 0 ? "未完成任何簽章：沒有可簽章的病歷 (nothing was signed: no records to sign)"
                    : "未完成任何簽章：" + refused + "筆未能簽章 (nothing was signed: " + refused + " refused)";
        }
        return (refused == 0 ? "成功 " : "部分完成 ") + answer.path("message").asText();
    }

    private static EPortalClient client(CliOptions options, AppSession session) {
        return new EPortalClient(MobileCli.client(options, session.server()).authorized(session.token()));
    }

    private static String required(CliOptions options, String name) {
        if (options.get(name) == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return options.get(name);
    }

}
