package org.medsign.mobile;

import com.fasterxml.jackson.core.type.TypeReference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

/**
 * The credential app's commands: login (M14), enrol (M15–M17), download (M18) and status (M18, M25).
 */
final class CredentialCommands {

    private final MobileCli cli;

    CredentialCommands(MobileCli cli) {
        this.cli = cli;
    }

    int login(CliOptions options) {
        String site = required(options, "--site");
        String account = required(options, "--account");
        char[] password = options.secret("--password", "MEDSIGN_MOBILE_PASSWORD", "Portal 密碼");
        AppSession session = MobileCli.client(options, MobileCli.server(options)).login(site, account, new String(password));
        session.save(MobileCli.home(options), cli.json());
        cli.print(options, session, "登入成功 / logged in: " + session.name() + " (" + session.employeeNumber() + ") "
                + session.siteName() + " " + session.siteCode());
        return 0;
    }

    int enrol(CliOptions options) {
        Path home = MobileCli.home(options);
        AppSession session = AppSession.load(home, cli.json());
        DeviceProfile device = DeviceProfile.load(home, cli.json());
        TicketLink link = TicketLink.parse(MobileCli.qrText(options)).expectPurpose("enrol").expectServer(session.server());
        String code = options.get("--code") != null ? options.get("--code")
                : new String(options.secret("--code", "MEDSIGN_MOBILE_CODE", "QR Code 密碼 (10 碼)"));
        char[] storePassword = options.secret("--store-password", "MEDSIGN_MOBILE_STORE_PASSWORD", "key store password");
        char[] pin = SigningPin.check(options.secret("--pin", "MEDSIGN_MOBILE_PIN", "金鑰保護密碼 (signing PIN)"));
        KeyPair signingKey = options.get("--key") != null ? Enroller.readKey(Path.of(options.get("--key")))
                : DeviceKeyStore.newKeyPair(options.get("--key-type", "EC").toUpperCase(java.util.Locale.ROOT));
        byte[] csr = options.get("--csr") != null ? Enroller.readCsr(Path.of(options.get("--csr")))
                : Enroller.csr(signingKey, session.employeeNumber());
        KeyPair deviceKey = DeviceKeyStore.read(DeviceProfile.keyStore(home), storePassword, DeviceKeyStore.DEVICE_KEY);
        MedsignClient client = MobileCli.client(options, session.server()).authorized(session.token());
        IssuedCertificate issued = new Enroller(client).enrol(link, code, csr, device.deviceId(), deviceKey.getPrivate());
        DeviceKeyStore.store(home.resolve(CertificateFetcher.SIGNING_STORE), pin, CertificateFetcher.SIGNING_KEY, signingKey);
        if (options.flag("--no-download")) {
            cli.print(options, issued, "憑證申請成功 (正常)，尚未下載 / issued, not downloaded: " + issued.serial());
            return 0;
        }
        CertificateInfo downloaded = new CertificateFetcher(client).download(issued.serial(), home, pin);
        cli.print(options, downloaded, "恭喜！憑證申請成功並下載完成 (" + downloaded.statusInChinese() + ") " + downloaded.serial());
        return 0;
    }

    int download(CliOptions options) {
        Path home = MobileCli.home(options);
        AppSession session = AppSession.load(home, cli.json());
        if (!Files.exists(home.resolve(CertificateFetcher.SIGNING_STORE))) {
            throw new IllegalArgumentException("No signing key on this phone: enrol first");
        }
        char[] pin = options.secret("--pin", "MEDSIGN_MOBILE_PIN", "金鑰保護密碼 (signing PIN)");
        MedsignClient client = MobileCli.client(options, session.server()).authorized(session.token());
        String serial = options.get("--serial") != null ? options.get("--serial") : latestOnThisDevice(client, home);
        CertificateInfo downloaded = new CertificateFetcher(client).download(serial, home, pin);
        cli.print(options, downloaded, "憑證下載完成 (" + downloaded.statusInChinese() + ") " + downloaded.serial());
        return 0;
    }

    int status(CliOptions options) {
        Path home = MobileCli.home(options);
        AppSession session = AppSession.load(home, cli.json());
        List<CertificateInfo> certificates = MobileCli.client(options, session.server()).authorized(session.token())
                .get("api/v1/certificates", new TypeReference<List<CertificateInfo>>() { });
        StringBuilder text = new StringBuilder();
        for (CertificateInfo c : certificates) {
            text.append(String.format("%-6s %s  %s – %s%n", c.statusInChinese(), c.serial(), c.notBefore(), c.notAfter()));
        }
        cli.print(options, certificates, certificates.isEmpty() ? "查無資料 / no certificates" : text.toString().strip());
        return 0;
    }

    private String latestOnThisDevice(MedsignClient client, Path home) {
        String deviceId = DeviceProfile.load(home, cli.json()).deviceId();
        return client.get("api/v1/certificates", new TypeReference<List<CertificateInfo>>() { }).stream()
                .filter(c -> deviceId.equals(c.deviceId()) && "ISSUED".equals(c.status()))
                .findFirst().map(CertificateInfo::serial)
                .orElseThrow(() -> new IllegalArgumentException("No certificate waiting to be downloaded (正常) on this device"));
    }

    private static String required(CliOptions options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }
}
