package org.medsign.mobile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;

/**
 * {@code medsign-mobile COMMAND [options]}: the reference phone client on the command line.
 * Output is for people by default and for scripts with {@code --json}. Exit codes: 0 ok, 1 refused
 * (its MS-xxxx code printed), 2 usage error, 3 server unreachable, 4 the server's certificate is not trusted (MS-9008).
 */
public final class MobileCli {

    private static final String USAGE = """
            usage: medsign-mobile COMMAND [options]
              --server URL          the medsign server (default $MEDSIGN_SERVER or https://localhost:8443/medsign)
              --trust FILE          PEM file of the CA certificates that may vouch for the server ($MEDSIGN_MOBILE_TRUST;
                                    default: the system's authorities); an untrusted server is refused (MS-9008, exit 4)
              --home DIR            the phone's own folder: keys and device profile (default ~/.medsign-mobile)
              --json                machine-readable output
            commands:
              health                is the server up, and which API version does it speak
              bind                  線上綁定裝置 (M9): bind this phone with the portal's QR code
                  --qr FILE | --uri URI     the QR code image, or the link under it
                  --code CODE               the 10-character QR code password (asked if missing)
                  --store-password PW       protects the key store ($MEDSIGN_MOBILE_STORE_PASSWORD, or asked)
                  --key-type EC|RSA         the device key (default EC P-256)
              device                show this phone's device profile
              login                 log the app in (M14): --site T0 --account N0001 [--password PW | $MEDSIGN_MOBILE_PASSWORD]
              enrol                 憑證申請 (M15–M17) with the enrolment QR code, then download it
                  --qr FILE | --uri URI, --code CODE, --pin PIN (金鑰保護密碼, the signing PIN),
                  --store-password PW (the device key store), [--key PEM] [--csr PEM] [--no-download]
              download              下載憑證 (M18): --pin PIN [--serial S]
              status                my certificates and their status (正常 / 已下載 / 已註銷 / 已過期)
              eportal-bind          E Portal 綁定裝置 (M19, on the intranet): --store-password PW
              pending               批次簽章作業 (M22): my pending records of the last two months
              show                  read one record before signing: --record ID
              sign                  簽章 (M23): --pin PIN [--records ID,ID] [--delay-reason TEXT]
                                    or a signature made by another tool: --record ID --cms-file FILE
              refresh               重新整理 (M24)""";

    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = MedsignClient.mapper();
    private final CredentialCommands credentials = new CredentialCommands(this);
    private final EPortalCommands eportal = new EPortalCommands(this);

    MobileCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new MobileCli(System.out, System.err).run(List.of(args)));
    }

    int run(List<String> arguments) {
        try {
            CliOptions options = new CliOptions(arguments);
            return switch (options.command()) {
                case "health" -> health(options);
                case "bind" -> bind(options);
                case "device" -> device(options);
                case "login" -> credentials.login(options);
                case "enrol" -> credentials.enrol(options);
                case "download" -> credentials.download(options);
                case "status" -> credentials.status(options);
                case "eportal-bind" -> eportal.bind(options);
                case "pending" -> eportal.pending(options);
                case "show" -> eportal.show(options);
                case "sign" -> eportal.sign(options);
                case "refresh" -> eportal.refresh(options);
                case "help" -> usage(0);
                default -> {
                    err.println("Unknown command: " + options.command());
                    yield usage(2);
                }
            };
        } catch (ServerTrust.UntrustedServerException e) {
            err.println(e.getMessage());
            err.println(e.problem().action());
            return 4;
        } catch (MedsignApiException e) {
            err.println(e.getMessage());
            if (e.problem().action() != null) {
                err.println(e.problem().action());
            }
            return 1;
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            return 3;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private int health(CliOptions options) {
        URI server = server(options);
        ServerHealth health = client(options, server).health();
        print(options, health, String.format("%s: %s (medsign %s, API v%d)", server, health.status(), health.version(),
                health.apiVersion()));
        if (health.apiVersion() != MedsignClient.API_VERSION) {
            err.println("This client speaks API v" + MedsignClient.API_VERSION + "; the server speaks v" + health.apiVersion());
            return 1;
        }
        return health.up() ? 0 : 1;
    }

    private int bind(CliOptions options) {
        TicketLink link = TicketLink.parse(qrText(options)).expectPurpose("bind");
        if (options.get("--server") != null || System.getenv("MEDSIGN_SERVER") != null) {
            link.expectServer(server(options));
        }
        String code = options.get("--code");
        if (code == null) {
            code = new String(options.secret("--code", "MEDSIGN_MOBILE_CODE", "QR Code 密碼 (10 碼)"));
        }
        char[] storePassword = options.secret("--store-password", "MEDSIGN_MOBILE_STORE_PASSWORD", "key store password");
        KeyPair deviceKey = DeviceKeyStore.newKeyPair(options.get("--key-type", "EC").toUpperCase(java.util.Locale.ROOT));
        DeviceInfo info = DeviceInfo.thisMachine().withApp(options.get("--app-version", DeviceInfo.APP_VERSION),
                options.getInt("--app-build", DeviceInfo.APP_BUILD));
        BoundDevice bound = new DeviceBinder(client(options, link.server())).bind(link, code, deviceKey, info);
        Path home = home(options);
        DeviceKeyStore.store(DeviceProfile.keyStore(home), storePassword, DeviceKeyStore.DEVICE_KEY, deviceKey);
        DeviceProfile profile = new DeviceProfile(link.server(), bound.deviceId(), bound.name(), bound.owner(),
                deviceKey.getPublic().getAlgorithm());
        profile.save(home, json);
        print(options, bound, "裝置綁定成功 / device bound: " + bound.name() + " (" + bound.deviceId() + ")");
        return 0;
    }

    private int device(CliOptions options) {
        DeviceProfile profile = DeviceProfile.load(home(options), json);
        print(options, profile, profile.name() + " (" + profile.deviceId() + ") of " + profile.owner() + " at "
                + profile.server());
        return 0;
    }

    /** The QR code's text: scanned from --qr FILE, or typed as --uri. */
    static String qrText(CliOptions options) {
        if (options.get("--uri") != null) {
            return options.get("--uri");
        }
        if (options.get("--qr") == null) {
            throw new IllegalArgumentException("give the QR code as --qr FILE or --uri URI");
        }
        return QrCodeReader.read(Path.of(options.get("--qr")));
    }

    ObjectMapper json() {
        return json;
    }

    /** A time as the manual prints it (2025/01/17 13:22), in Taipei time. */
    static String localTime(String instant) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm")
                .format(java.time.Instant.parse(instant).atZone(java.time.ZoneId.of("Asia/Taipei")));
    }

    static URI server(CliOptions options) {
        return URI.create(options.get("--server",
                System.getenv().getOrDefault("MEDSIGN_SERVER", "https://localhost:8443/medsign")));
    }

    /** A client of that server, trusting --trust FILE ($MEDSIGN_MOBILE_TRUST) or else the system's authorities. */
    static MedsignClient client(CliOptions options, URI server) {
        String trust = options.get("--trust", System.getenv("MEDSIGN_MOBILE_TRUST"));
        return new MedsignClient(server, trust == null || trust.isBlank() ? ServerTrust.platform()
                : ServerTrust.fromPem(Path.of(trust)));
    }

    static Path home(CliOptions options) {
        return Path.of(options.get("--home", System.getProperty("user.home") + "/.medsign-mobile"));
    }

    void print(CliOptions options, Object value, String forPeople) {
        if (!options.flag("--json")) {
            out.println(forPeople);
            return;
        }
        try {
            out.println(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int usage(int exitCode) {
        (exitCode == 0 ? out : err).println(USAGE);
        return exitCode;
    }
}
